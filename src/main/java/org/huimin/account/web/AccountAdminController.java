package org.huimin.account.web;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.account.NewAccount;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Role;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Account administration", description = "Platform administrators: list, unlock, enable and disable")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AccountAdminController {

    private final AccountManagement accounts;
    private final AuditLog audit;

    AccountAdminController(AccountManagement accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A staff account; residents open their own accounts by real-name registration instead. */
    record NewStaffAccount(
            @NotBlank(message = "validation.required") @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                    message = "account.username") String username,
            @NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too-long")
            String displayName,
            @NotBlank(message = "validation.required") @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).{10,128}",
                    message = "account.password") String password,
            @NotEmpty(message = "validation.required") Set<Role> roles,
            UUID organizationId, UUID practitionerId,
            @Pattern(regexp = "1\\d{10}", message = "account.phone") String phone) {
    }

    @PostMapping
    @Operation(summary = "Open a staff account",
            description = "Username: lower-case letters, digits, '.', '_' or '-'; password: at least 10 characters "
                    + "with letters and digits. RESIDENT accounts are opened by real-name registration instead.")
    ResponseEntity<Map<String, UUID>> open(@Valid @RequestBody NewStaffAccount body) {
        if (body.roles().contains(Role.RESIDENT)) {
            throw ProblemException.invalid("roles", "account.no-resident-role");
        }
        UUID id = accounts.open(new NewAccount(body.username(), body.password(), body.displayName().strip(),
                body.roles(), body.organizationId(), body.practitionerId(), null, body.phone()));
        audit.record(AuditEvent.byCurrentActor("ACCOUNT_CREATE", "Account", id.toString(), Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(body.username() + " " + body.roles()));
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "Search accounts by username or display name")
    PageResult<AccountSummary> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accounts.search(q, PageRequest.of(page, size));
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Lift a lockout")
    ResponseEntity<Void> unlock(@PathVariable UUID id) {
        accounts.unlock(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable an account")
    ResponseEntity<Void> enable(@PathVariable UUID id) {
        accounts.setEnabled(id, true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account; it can no longer log in")
    ResponseEntity<Void> disable(@PathVariable UUID id) {
        accounts.setEnabled(id, false);
        return ResponseEntity.noContent().build();
    }
}
