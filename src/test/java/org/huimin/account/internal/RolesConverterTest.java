package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Roles from an external identity provider's token: a list claim or a space/comma separated string. */
class RolesConverterTest {

    private static Jwt jwt(String claim, Object value) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("zhang.wei").issuer("https://sso.example")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).claim(claim, value).build();
    }

    private static List<String> authorities(String claim, Jwt jwt) {
        return SecurityConfig.rolesConverter(claim).convert(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).sorted().toList();
    }

    @Test
    void mapsListsAndStringsToRoleAuthorities() {
        assertThat(authorities("roles", jwt("roles", List.of("CLINICIAN", "NURSE"))))
                .containsExactly("ROLE_CLINICIAN", "ROLE_NURSE");
        assertThat(authorities("huimin_roles", jwt("huimin_roles", "AUDITOR, PLATFORM_ADMIN")))
                .containsExactly("ROLE_AUDITOR", "ROLE_PLATFORM_ADMIN");
    }

    @Test
    void aTokenWithoutTheClaimHasNoRoles() {
        assertThat(authorities("roles", jwt("groups", List.of("CLINICIAN")))).isEmpty();
    }
}
