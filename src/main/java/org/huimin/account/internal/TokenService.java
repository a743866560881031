package org.huimin.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.stereotype.Component;

import org.huimin.shared.privacy.Secrets;

/**
 * Issues and checks the platform's own bearer tokens: HS256-signed JWTs carrying the account's roles and bindings,
 * with a {@code jti} so that logout can revoke one token.
 */
@Component
class TokenService {

    static final String ISSUER = "huimin";

    private final JwtEncoder encoder;
    private final RevokedTokens revocations;
    private final NimbusJwtDecoder decoder;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();

    TokenService(Secrets secrets, RevokedTokens revocations, @Value("${huimin.security.token-secret:}") String secret,
            @Value("${huimin.security.token-ttl:PT8H}") Duration ttl) {
        SecretKeySpec key = new SecretKeySpec(secrets.key("token-signing", secret), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // our issuer is a name, not a URL: keep it a string instead of letting the default converter try (and fail,
        // with an exception on every request) to make a URL of it
        this.decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                java.util.Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                jwt -> jwt.getId() != null && revocations.revoked(jwt.getId())
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token revoked", null))
                        : OAuth2TokenValidatorResult.success()));
        this.ttl = ttl;
        this.revocations = revocations;
    }

    /** Revokes a token (logout) on every node, from the commit of the caller's transaction on. */
    void revoke(String jti, Instant expiresAt) {
        revocations.revoke(jti, expiresAt);
    }

    Issued issue(AccountRecord account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(account.username())
                .issuedAt(now).expiresAt(now.plus(ttl)).id(UUID.randomUUID().toString())
                .claim("uid", account.id().toString()).claim("roles", account.roles())
                .claim("name", account.displayName());
        if (account.organizationId() != null) {
            claims.claim("org", account.organizationId().toString());
        }
        if (account.practitionerId() != null) {
            claims.claim("pid", account.practitionerId().toString());
        }
        if (account.residentId() != null) {
            claims.claim("rid", account.residentId().toString());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new Issued(token, ttl.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** {@code provider} with verified tokens remembered for a few minutes (expiry and revocation still checked). */
    org.springframework.security.authentication.AuthenticationManager cached(
            org.springframework.security.authentication.AuthenticationManager provider) {
        return new CachedTokenAuthentication(provider, revocations, clock, 50_000, Duration.ofMinutes(5));
    }

    record Issued(String token, long expiresIn) {
    }
}
