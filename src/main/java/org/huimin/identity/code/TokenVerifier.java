package org.huimin.identity.code;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The stateless part of verifying a health code, the same online and at an offline terminal: form, key (known, not
 * revoked), Ed25519 signature, issuing region, issue time and expiry. What needs the master index (the resident,
 * a static code's currency and PIN, replay) follows online only.
 */
public final class TokenVerifier {

    /** Why a code was refused; each has its own problem type. */
    public enum Refusal {
        INVALID("invalid-health-code"), EXPIRED("expired-health-code"), REVOKED("revoked-health-code"),
        REPLAYED("replayed-health-code"), PIN_REQUIRED("pin-required"), INVALID_PIN("invalid-pin"),
        PIN_LOCKED("pin-locked");

        private final String type;

        Refusal(String type) {
            this.type = type;
        }

        /** The problem type slug. */
        public String type() {
            return type;
        }
    }

    /**
     * The outcome: an authentic, current token with its key, or a refusal with a reason. A refused token may still
     * be returned (when its signature was good) so that the refusal can be logged against the resident.
     */
    public record Outcome(HealthCodeToken token, KeyRing.VerificationKey key, Refusal refusal, String reason) {
        public boolean accepted() {
            return refusal == null;
        }

        /** True when the payload is authentic (the signature verified), whatever the outcome. */
        public boolean authentic() {
            return key != null;
        }
    }

    private TokenVerifier() {
    }

    public static Outcome verify(String text, Function<String, Optional<KeyRing.VerificationKey>> keys, Instant now,
            Duration clockSkew) {
        HealthCodeToken.Parsed parsed;
        try {
            parsed = HealthCodeToken.parse(text);
        } catch (HealthCodeToken.MalformedToken e) {
            return new Outcome(null, null, Refusal.INVALID, e.getMessage());
        }
        HealthCodeToken t = parsed.token();
        Optional<KeyRing.VerificationKey> found = keys.apply(t.kid());
        if (found.isEmpty()) {
            return new Outcome(null, null, Refusal.INVALID, "unknown key");
        }
        KeyRing.VerificationKey key = found.get();
        byte[] input = parsed.signingInput();
        if (!key.key().verify(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, parsed.signature(), 0)) {
            return new Outcome(null, null, Refusal.INVALID, "bad signature");
        }
        if (!key.region().equals(Integer.toString(t.region()))) {
            return new Outcome(t, key, Refusal.INVALID, "region does not match the key");
        }
        if (key.status() == KeyRing.Status.REVOKED) {
            return new Outcome(t, key, Refusal.REVOKED, "signing key revoked");
        }
        if (t.issuedAt().isAfter(now.plus(clockSkew))) {
            return new Outcome(t, key, Refusal.INVALID, "issued in the future");
        }
        if (!now.isBefore(t.expiresAt())) {
            return new Outcome(t, key, Refusal.EXPIRED, "expired at " + t.expiresAt());
        }
        return new Outcome(t, key, null, null);
    }
}
