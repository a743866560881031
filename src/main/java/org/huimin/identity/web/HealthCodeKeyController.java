package org.huimin.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.code.KeyRing;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/health-codes")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "Health-code keys", description = "Rotate and revoke signing keys; trust other regions' keys")
class HealthCodeKeyController {

    private final KeyRing keys;
    private final AuditLog audit;

    HealthCodeKeyController(KeyRing keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** A key without its private part (which never leaves the key ring). */
    record Key(String kid, String region, String x, String status, java.time.Instant createdAt,
            java.time.Instant retiredAt, java.time.Instant revokedAt, String revokedReason) {
        static Key of(KeyRing.KeyInfo k) {
            return new Key(k.kid(), k.region(), k.x(), k.status().name(), k.createdAt(), k.retiredAt(),
                    k.revokedAt(), k.revokedReason());
        }
    }

    @GetMapping("/keys")
    @Operation(summary = "This region's signing keys, newest first")
    Map<String, List<Key>> keys() {
        return Map.of("items", keys.ownKeys().stream().map(Key::of).toList());
    }

    @PostMapping("/keys/rotate")
    @Operation(summary = "Retire the active key and create a new one; issued codes keep verifying until they expire")
    ResponseEntity<Map<String, String>> rotate() {
        String kid = keys.rotate();
        audit("HEALTH_CODE_KEY_ROTATE", kid, null);
        return ResponseEntity.created(URI.create("/api/v1/admin/health-codes/keys/" + kid)).body(Map.of("kid", kid));
    }

    record Reason(String reason) {
    }

    @PostMapping("/keys/{kid}/revoke")
    @Operation(summary = "Revoke a key: every code it signed is refused from now on (a revoked active key is replaced)")
    Map<String, String> revoke(@PathVariable String kid, @RequestBody Reason body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.invalid("reason", "validation.required");
        }
        if (body.reason().length() > 200) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        keys.revoke(kid, body.reason().strip());
        audit("HEALTH_CODE_KEY_REVOKE", kid, body.reason());
        return Map.of("kid", kid, "status", "REVOKED");
    }

    @GetMapping("/trusted-keys")
    @Operation(summary = "Other regions' keys trusted here (mutual recognition)")
    Map<String, List<Key>> trusted() {
        return Map.of("items", keys.trustedKeys().stream().map(Key::of).toList());
    }

    record Trusted(String kid, String region, String x) {
    }

    @PostMapping("/trusted-keys")
    @Operation(summary = "Trust another region's public key (from that region's published trust list)")
    ResponseEntity<Map<String, String>> trust(@RequestBody Trusted body) {
        if (body.kid() == null || !body.kid().matches("[A-Za-z0-9_-]{1,32}")) {
            throw ProblemException.invalid("kid", "healthcode.kid");
        }
        if (body.region() == null || !body.region().matches("\\d{6}")) {
            throw ProblemException.invalid("region", "healthcode.region");
        }
        if (body.region().equals(keys.region())) {
            throw ProblemException.invalid("region", "healthcode.own-region");
        }
        keys.trust(body.kid(), body.region(), body.x() == null ? "" : body.x().strip(),
                CurrentActor.get().username());
        audit("HEALTH_CODE_KEY_TRUST", body.kid(), body.region());
        return ResponseEntity.created(URI.create("/api/v1/admin/health-codes/trusted-keys/" + body.kid()))
                .body(Map.of("kid", body.kid()));
    }

    @DeleteMapping("/trusted-keys/{kid}")
    @Operation(summary = "Stop trusting another region's key")
    ResponseEntity<Void> distrust(@PathVariable String kid) {
        keys.distrust(kid);
        audit("HEALTH_CODE_KEY_DISTRUST", kid, null);
        return ResponseEntity.noContent().build();
    }

    private void audit(String action, String kid, String detail) {
        audit.record(AuditEvent.byCurrentActor(action, "HealthCodeKey", kid, Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(detail));
    }
}
