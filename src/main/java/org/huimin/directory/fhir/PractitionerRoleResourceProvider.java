package org.huimin.directory.fhir;

import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.huimin.directory.Directory;
import org.huimin.directory.Practitioner;
import org.huimin.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** FHIR PractitionerRole: where practitioners practise; read and search by practitioner, organization, specialty. */
@Component
class PractitionerRoleResourceProvider implements IResourceProvider {

    private final Directory directory;
    private final DirectoryFhirTranslator translator;
    private final JdbcClient jdbc;

    PractitionerRoleResourceProvider(Directory directory, DirectoryFhirTranslator translator, JdbcClient jdbc) {
        this.directory = directory;
        this.translator = translator;
        this.jdbc = jdbc;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        UUID roleId = OrganizationResourceProvider.parse(id);
        UUID practitionerId = jdbc.sql("select practitioner_id from directory_practitioner_role where id = :id")
                .param("id", roleId).query(UUID.class).optional().orElseThrow(() -> new ResourceNotFoundException(id));
        Practitioner p = directory.practitioner(practitionerId).orElseThrow(() -> new ResourceNotFoundException(id));
        return p.roles().stream().filter(r -> r.id().equals(roleId)).findFirst().map(r -> translator.toFhir(p, r))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<PractitionerRole> search(@OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization,
            @OptionalParam(name = PractitionerRole.SP_SPECIALTY) TokenParam specialty) {
        if (practitioner == null && organization == null) {
            throw new InvalidRequestException("Search PractitionerRole by practitioner or organization");
        }
        UUID org = organization == null ? null : uuid(organization.getIdPart());
        String dept = specialty == null ? null : specialty.getValue();
        if (practitioner != null) {
            UUID pid = uuid(practitioner.getIdPart());
            return directory.practitioner(pid).stream()
                    .flatMap(p -> p.roles().stream()
                            .filter(r -> org == null || r.organizationId().equals(org))
                            .filter(r -> dept == null || dept.equals(r.departmentCode()))
                            .map(r -> translator.toFhir(p, r)))
                    .toList();
        }
        return directory.practitioners(new Directory.PractitionerQuery(null, null, org, dept, null, null),
                new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .flatMap(p -> p.roles().stream()
                        .filter(r -> r.organizationId().equals(org))
                        .filter(r -> dept == null || dept.equals(r.departmentCode()))
                        .map(r -> translator.toFhir(p, r)))
                .toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("Not a Huimin id: " + id);
        }
    }
}
