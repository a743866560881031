package org.huimin.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.CodeLinkKind;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Scene;
import org.huimin.identity.code.KeyRing;
import org.huimin.identity.internal.CodeLinks;
import org.huimin.identity.internal.HealthCodeService;
import org.huimin.identity.internal.ProxyService;
import org.huimin.identity.internal.ScanHistory;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Health code", description = "The electronic health code: issue, verify, trust list, scans, code links")
class HealthCodeController {

    private final HealthCodeService codes;
    private final ProxyService proxies;
    private final ScanHistory scans;
    private final CodeLinks links;
    private final KeyRing keys;
    private final AuditLog audit;

    HealthCodeController(HealthCodeService codes, ProxyService proxies, ScanHistory scans, CodeLinks links,
            KeyRing keys, AuditLog audit) {
        this.codes = codes;
        this.proxies = proxies;
        this.scans = scans;
        this.links = links;
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping("/me/health-code")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "My dynamic health code: a signed token, its expiry and a QR PNG",
            description = "Fetch a new one every refreshSeconds; a code cannot be used after expiresAt.")
    ResponseEntity<HealthCodeService.Issued> mine() {
        return noStore(codes.issue(Me.residentId()));
    }

    @GetMapping("/residents/{residentId}/health-code")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "A relative's code, for a confirmed proxy with the SHOW_CODE permission (403 otherwise)")
    ResponseEntity<HealthCodeService.Issued> relatives(@PathVariable UUID residentId) {
        UUID me = Me.residentId();
        if (!me.equals(residentId)) {
            requireProxy(me, residentId, ProxyPermission.SHOW_CODE, "HEALTH_CODE_ISSUE");
        }
        return noStore(codes.issue(residentId));
    }

    private void requireProxy(UUID me, UUID relative, ProxyPermission permission, String action) {
        boolean allowed = proxies.mayActFor(me, relative, permission);
        audit.record(AuditEvent.byCurrentActor(action, "Patient", relative.toString(),
                allowed ? Outcome.SUCCESS : Outcome.DENIED).withActingFor(relative.toString())
                .withPurpose("PROXY"));
        if (!allowed) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.not-proxy");
        }
    }

    record Verify(String token, Scene scene, String pin, String terminalId) {
    }

    @PostMapping("/health-codes/verify")
    @PreAuthorize(Me.STAFF)
    @Operation(summary = "Verify a scanned code (staff); records the scan",
            description = "Refusals are 422 problems typed invalid-health-code, expired-health-code, "
                    + "revoked-health-code, replayed-health-code, pin-required or invalid-pin; 423 pin-locked.")
    HealthCodeService.Verified verify(@RequestBody Verify body) {
        if (body.token() == null || body.token().isBlank()) {
            throw ProblemException.invalid("token", "validation.required");
        }
        if (body.scene() == null) {
            throw ProblemException.invalid("scene", "validation.required");
        }
        if (body.terminalId() != null && body.terminalId().length() > 64) {
            throw ProblemException.invalid("terminalId", "validation.too-long");
        }
        return codes.verify(body.token(), body.scene(), body.pin(), body.terminalId());
    }

    record TrustList(String issuer, List<Jwk> keys, Instant issuedAt) {
    }

    /** A public key in JWK form (RFC 8037) with the issuing region and status. */
    record Jwk(String kty, String crv, String alg, String kid, String x, String region, String status,
            Instant createdAt) {
    }

    @GetMapping("/health-codes/trust-list")
    @Operation(summary = "Public keys that verify health codes offline (public)",
            description = "This region's ACTIVE and RETIRED keys, the trusted keys of other regions, and the "
                    + "revoked key ids (status REVOKED, for terminals to drop). Terminals refresh it periodically.")
    ResponseEntity<TrustList> trustList() {
        List<Jwk> list = new java.util.ArrayList<>();
        for (KeyRing.KeyInfo k : keys.ownKeys()) {
            list.add(new Jwk("OKP", "Ed25519", "Ed25519", k.kid(), k.status() == KeyRing.Status.REVOKED ? null : k.x(),
                    k.region(), k.status().name(), k.createdAt()));
        }
        for (KeyRing.KeyInfo k : keys.trustedKeys()) {
            list.add(new Jwk("OKP", "Ed25519", "Ed25519", k.kid(), k.x(), k.region(), k.status().name(),
                    k.createdAt()));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(new TrustList(keys.region(), list, Instant.now()));
    }

    @GetMapping("/me/health-code/scans")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Where and when my code was scanned, newest first")
    PageResult<ScanHistory.Scan> myScans(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return scans.of(Me.residentId(), PageRequest.of(page, size));
    }

    @GetMapping("/residents/{residentId}/health-code/scans")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "A relative's scan history, for a confirmed proxy with SHOW_CODE")
    PageResult<ScanHistory.Scan> relativesScans(@PathVariable UUID residentId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        UUID me = Me.residentId();
        if (!me.equals(residentId)) {
            requireProxy(me, residentId, ProxyPermission.SHOW_CODE, "HEALTH_CODE_SCANS_READ");
        }
        return scans.of(residentId, PageRequest.of(page, size));
    }

    record Pin(String pin) {
    }

    @PostMapping("/me/static-code")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Issue my printable static code, used with a 6-digit PIN; revokes the previous one")
    ResponseEntity<HealthCodeService.Issued> myStatic(@RequestBody Pin body) {
        var issued = codes.issueStatic(Me.residentId(), body.pin());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(issued);
    }

    @PostMapping("/residents/{residentId}/static-code")
    @PreAuthorize(Me.REGISTRARS)
    @Operation(summary = "Issue a static code at a window for a resident without a smartphone (staff)")
    ResponseEntity<HealthCodeService.Issued> staticAtWindow(@PathVariable UUID residentId, @RequestBody Pin body) {
        var issued = codes.issueStatic(residentId, body.pin());
        return ResponseEntity.created(URI.create("/api/v1/residents/" + residentId)).cacheControl(CacheControl.noStore())
                .body(issued);
    }

    @GetMapping("/me/code-links")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "References fused into my code (insurance e-voucher, payment account), masked")
    Map<String, List<CodeLinks.Link>> myLinks() {
        return Map.of("items", links.of(Me.residentId()));
    }

    record Reference(String reference) {
    }

    @PutMapping("/me/code-links/{kind}")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Link the insurance e-voucher or a payment account to my code")
    CodeLinks.Link link(@PathVariable CodeLinkKind kind, @RequestBody Reference body) {
        return links.link(Me.residentId(), kind, body.reference());
    }

    @DeleteMapping("/me/code-links/{kind}")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Unlink a reference from my code")
    ResponseEntity<Void> unlink(@PathVariable CodeLinkKind kind) {
        links.unlink(Me.residentId(), kind);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<HealthCodeService.Issued> noStore(HealthCodeService.Issued issued) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(issued);
    }
}
