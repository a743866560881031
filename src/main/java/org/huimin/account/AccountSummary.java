package org.huimin.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as administrators see it: never the password hash, the phone only masked. */
public record AccountSummary(UUID id, String username, String displayName, List<String> roles, UUID organizationId,
        UUID practitionerId, UUID residentId, String phoneMasked, boolean enabled, boolean locked, Instant lockedUntil,
        Instant lastLoginAt) {
}
