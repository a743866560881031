package org.huimin.account.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Account administration", description = "Platform administrators: list, unlock, enable and disable")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AccountAdminController {

    private final AccountManagement accounts;

    AccountAdminController(AccountManagement accounts) {
        this.accounts = accounts;
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
