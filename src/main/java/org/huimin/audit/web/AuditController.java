package org.huimin.audit.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.audit.AuditTrail;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Hash-chained audit log: verification and search (auditors)")
@PreAuthorize("hasAnyRole('AUDITOR','PLATFORM_ADMIN')")
class AuditController {

    private final AuditTrail trail;
    private final AuditLog audit;

    AuditController(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the chain", description = "Walks the chain and names the first broken entry.")
    AuditTrail.Verification verify() {
        AuditTrail.Verification result = trail.verify();
        audit.record(AuditEvent.byCurrentActor("AUDIT_VERIFY", "AuditChain", null, Outcome.SUCCESS)
                .withPurpose("AUDIT").withDetail(result.intact() ? "intact" : "broken at " + result.firstBroken().seq()));
        return result;
    }

    @GetMapping("/entries")
    @Operation(summary = "Search audit entries, newest first")
    PageResult<AuditTrail.Entry> entries(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String resourceType, @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<AuditTrail.Entry> result = trail.search(
                new AuditTrail.Query(actor, action, outcome, resourceType, resourceId, from, to),
                PageRequest.of(page, size));
        audit.record(AuditEvent.byCurrentActor("AUDIT_SEARCH", "AuditEntry", null, Outcome.SUCCESS).withPurpose("AUDIT"));
        return result;
    }
}
