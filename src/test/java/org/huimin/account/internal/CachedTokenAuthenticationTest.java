package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The remembered token still expires and is still revoked; failures are never remembered. */
class CachedTokenAuthenticationTest {

    private final Instant issued = Instant.parse("2026-12-03T08:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(issued);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicReference<Boolean> valid = new AtomicReference<>(true);

    private final AuthenticationManager provider = authentication -> {
        verifications.incrementAndGet();
        if (!valid.get() || now.get().isAfter(issued.plus(Duration.ofHours(1)))) {
            throw new BadCredentialsException("invalid");
        }
        Jwt jwt = Jwt.withTokenValue(((BearerTokenAuthenticationToken) authentication).getToken()).header("alg", "HS256")
                .subject("nurse").jti("jti-1").issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_NURSE")), "nurse");
    };

    private Authentication login(AuthenticationManager manager) {
        BearerTokenAuthenticationToken bearer = new BearerTokenAuthenticationToken("token-a");
        bearer.setDetails("request-" + verifications.get());
        return manager.authenticate(bearer);
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        RevokedTokens none = org.mockito.Mockito.mock(RevokedTokens.class);
        var manager = new CachedTokenAuthentication(provider, none, clock, 100, Duration.ofMinutes(5));
        Authentication first = login(manager);
        Authentication second = login(manager);
        assertThat(verifications).hasValue(1);
        assertThat(second.getName()).isEqualTo("nurse");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_NURSE");
        assertThat(second).isNotSameAs(first); // a fresh authentication per request, with this request's details

        now.set(issued.plus(Duration.ofHours(1)).plusSeconds(1)); // expired while remembered
        assertThatThrownBy(() -> login(manager)).isInstanceOf(BadCredentialsException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRevokedTokenIsRefusedEvenWhenRemembered() {
        RevokedTokens revocations = org.mockito.Mockito.mock(RevokedTokens.class);
        var manager = new CachedTokenAuthentication(provider, revocations, clock, 100, Duration.ofMinutes(5));
        login(manager);
        org.mockito.Mockito.when(revocations.revoked("jti-1")).thenReturn(true);
        valid.set(false); // what the full validation says of a revoked token
        assertThatThrownBy(() -> login(manager)).isInstanceOf(BadCredentialsException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        valid.set(false);
        var manager = new CachedTokenAuthentication(provider, org.mockito.Mockito.mock(RevokedTokens.class), clock,
                100, Duration.ofMinutes(5));
        assertThatThrownBy(() -> login(manager)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(manager)).isInstanceOf(BadCredentialsException.class);
        assertThat(verifications).hasValue(2);
    }
}
