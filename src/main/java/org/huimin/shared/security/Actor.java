package org.huimin.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting in the current request: the account, its roles and the organisation, practitioner or resident it
 * is bound to. {@link #ANONYMOUS} for public requests and {@link #SYSTEM} for scheduled work.
 */
public record Actor(String username, UUID accountId, Set<String> roles, UUID organizationId, UUID practitionerId,
        UUID residentId) {

    public static final Actor ANONYMOUS = new Actor("anonymous", null, Set.of(), null, null, null);
    public static final Actor SYSTEM = new Actor("system", null, Set.of("SYSTEM"), null, null, null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }

    /** The main role for audit lines: the first in a stable order, or {@code null}. */
    public String primaryRole() {
        return roles.stream().sorted().findFirst().orElse(null);
    }
}
