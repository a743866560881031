package org.huimin.account;

import java.util.Set;
import java.util.UUID;

import org.huimin.shared.security.Role;

/**
 * What is needed to open an account: a unique username, a raw password (hashed before it is stored), a display name,
 * at least one role and the optional bindings to an organisation, a practitioner or a resident. A disabled account
 * (a resident who has not yet confirmed their phone) cannot log in until it is enabled.
 */
public record NewAccount(String username, String rawPassword, String displayName, Set<Role> roles,
        UUID organizationId, UUID practitionerId, UUID residentId, String phone, boolean enabled) {

    /** An account that can log in at once. */
    public NewAccount(String username, String rawPassword, String displayName, Set<Role> roles,
            UUID organizationId, UUID practitionerId, UUID residentId, String phone) {
        this(username, rawPassword, displayName, roles, organizationId, practitionerId, residentId, phone, true);
    }

    public NewAccount {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        roles = Set.copyOf(roles);
    }
}
