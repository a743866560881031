package org.huimin.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates the platform's own bearer tokens, remembering for a few minutes what a token verified to: a signed
 * token's claims do not change, so a request with a token seen before skips the parse, the HMAC and the claim
 * conversion. What can change is checked on every request all the same: the expiry, and revocation (logout) through
 * the same in-memory list the full validation consults. Only successful authentications are remembered.
 */
final class CachedTokenAuthentication implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final RevokedTokens revocations;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    CachedTokenAuthentication(AuthenticationManager delegate, RevokedTokens revocations, Clock clock,
            long maximumSize, Duration keepFor) {
        this.delegate = delegate;
        this.revocations = revocations;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keepFor).build();
    }

    private record Verified(Jwt jwt, Collection<GrantedAuthority> authorities, String name) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return delegate.authenticate(authentication);
        }
        String token = bearer.getToken();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            Instant expiresAt = known.jwt().getExpiresAt();
            if (expiresAt != null && clock.instant().isBefore(expiresAt)
                    && (known.jwt().getId() == null || !revocations.revoked(known.jwt().getId()))) {
                JwtAuthenticationToken result = new JwtAuthenticationToken(known.jwt(), known.authorities(),
                        known.name());
                result.setDetails(bearer.getDetails());
                return result;
            }
            verified.invalidate(token); // expired or revoked: the full path gives the proper error
        }
        Authentication result = delegate.authenticate(authentication);
        if (result instanceof JwtAuthenticationToken jwt && result.isAuthenticated()) {
            @SuppressWarnings("unchecked")
            Collection<GrantedAuthority> authorities = (Collection<GrantedAuthority>) jwt.getAuthorities();
            verified.put(token, new Verified(jwt.getToken(), authorities, jwt.getName()));
        }
        return result;
    }
}
