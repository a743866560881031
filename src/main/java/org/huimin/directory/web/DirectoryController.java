package org.huimin.directory.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Department;
import org.huimin.directory.Directory;
import org.huimin.directory.Directory.OrganizationQuery;
import org.huimin.directory.Directory.PractitionerQuery;
import org.huimin.directory.NewOrganization;
import org.huimin.directory.NewPractitioner;
import org.huimin.directory.Organization;
import org.huimin.directory.OrganizationType;
import org.huimin.directory.Practitioner;
import org.huimin.directory.PractitionerKind;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory", description = "Public lookup of institutions, doctors, nurses and pharmacists (公众查询); "
        + "changes by platform administrators")
class DirectoryController {

    private final Directory directory;
    private final AuditLog audit;

    DirectoryController(Directory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/organizations")
    @Operation(summary = "Search organisations (no login)")
    PageResult<Organization> organizations(
            @Parameter(description = "text in the name or address") @RequestParam(required = false) String q,
            @RequestParam(required = false) OrganizationType type, @RequestParam(required = false) String level,
            @Parameter(description = "administrative division code prefix") @RequestParam(required = false)
            String division,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return directory.organizations(new OrganizationQuery(q, type, level, division, null, null, null),
                PageRequest.of(page, size));
    }

    /** An organisation with its departments. */
    record OrganizationDetail(UUID id, String name, OrganizationType type, String level, String grade, String uscc,
            String divisionCode, String address, String phone, java.math.BigDecimal latitude,
            java.math.BigDecimal longitude, List<Department> departments) {
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One organisation and its departments (no login)")
    OrganizationDetail organization(@PathVariable UUID id) {
        Organization o = directory.organization(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        return new OrganizationDetail(o.id(), o.name(), o.type(), o.level(), o.grade(), o.uscc(), o.divisionCode(),
                o.address(), o.phone(), o.latitude(), o.longitude(), directory.departments(id));
    }

    @GetMapping("/practitioners")
    @Operation(summary = "Search doctors, nurses and pharmacists (no login)")
    PageResult<Practitioner> practitioners(
            @Parameter(description = "text in the name or specialties") @RequestParam(required = false) String q,
            @RequestParam(required = false) PractitionerKind kind,
            @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) String departmentCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return directory.practitioners(new PractitionerQuery(q, kind, organizationId, departmentCode, null, null),
                PageRequest.of(page, size));
    }

    @GetMapping("/practitioners/{id}")
    @Operation(summary = "One practitioner and where they practise (no login)")
    Practitioner practitioner(@PathVariable UUID id) {
        return directory.practitioner(id).orElseThrow(() -> ProblemException.notFound("practitioner", id));
    }

    @GetMapping("/department-codes")
    @Operation(summary = "Standard department codes (诊疗科目)")
    List<Department> departmentCodes() {
        return directory.departmentCodes();
    }

    @PostMapping("/organizations")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Add an organisation (platform administrators)")
    ResponseEntity<Map<String, UUID>> addOrganization(@Valid @RequestBody NewOrganization body) {
        UUID id = directory.addOrganization(body);
        changed("ORGANIZATION_CREATE", "Organization", id);
        return ResponseEntity.created(URI.create("/api/v1/directory/organizations/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/organizations/{id}")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Change an organisation (platform administrators)")
    ResponseEntity<Void> updateOrganization(@PathVariable UUID id, @Valid @RequestBody NewOrganization body) {
        directory.updateOrganization(id, body);
        changed("ORGANIZATION_UPDATE", "Organization", id);
        return ResponseEntity.noContent().build();
    }

    record NewDepartment(@NotBlank(message = "validation.required") String code,
            @NotBlank(message = "validation.required") String name) {
    }

    @PostMapping("/organizations/{id}/departments")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Add a department to an organisation (platform administrators)")
    ResponseEntity<Void> addDepartment(@PathVariable UUID id, @Valid @RequestBody NewDepartment body) {
        directory.addDepartment(id, body.code(), body.name());
        changed("DEPARTMENT_CREATE", "Organization", id);
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/practitioners")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "List a practitioner (platform administrators)")
    ResponseEntity<Map<String, UUID>> addPractitioner(@Valid @RequestBody NewPractitioner body) {
        UUID id = directory.addPractitioner(body);
        changed("PRACTITIONER_CREATE", "Practitioner", id);
        return ResponseEntity.created(URI.create("/api/v1/directory/practitioners/" + id)).body(Map.of("id", id));
    }

    private void changed(String action, String type, UUID id) {
        audit.record(AuditEvent.byCurrentActor(action, type, id.toString(), Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION"));
    }
}
