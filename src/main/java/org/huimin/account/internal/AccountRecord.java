package org.huimin.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account row with its roles, as the login flow needs it. */
record AccountRecord(UUID id, String username, String passwordHash, String displayName, boolean enabled,
        UUID organizationId, UUID practitionerId, UUID residentId, String phoneEnc, String locale, int failedAttempts,
        Instant firstFailedAt, Instant lockedUntil, Instant lastLoginAt, List<String> roles) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
