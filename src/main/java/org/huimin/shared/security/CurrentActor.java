package org.huimin.shared.security;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the {@link Actor} of the current thread from Spring Security. Bearer tokens carry the account's bindings as
 * claims ({@code uid}, {@code org}, {@code pid}, {@code rid}); tokens of an external OIDC provider may carry none.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
            return Actor.ANONYMOUS;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        if (auth.getPrincipal() instanceof Jwt jwt) {
            Map<String, Object> c = jwt.getClaims();
            return new Actor(jwt.getSubject(), uuid(c.get("uid")), roles, uuid(c.get("org")), uuid(c.get("pid")),
                    uuid(c.get("rid")));
        }
        return new Actor(auth.getName(), null, roles, null, null, null);
    }

    private static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
