package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class AuthorizationHeaderTokensTest {

    private final AuthorizationHeaderTokens ours = new AuthorizationHeaderTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    private static MockHttpServletRequest with(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        return request;
    }

    @Test
    void findsTheTokenOfTheBearerScheme() {
        assertThat(ours.resolve(with("Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc-_~+/=="))).isEqualTo(
                "eyJhbGciOiJIUzI1NiJ9.e30.abc-_~+/==");
        assertThat(ours.resolve(with("bearer abc"))).isEqualTo("abc");
        assertThat(ours.resolve(with(null))).isNull();
        assertThat(ours.resolve(with("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void aMalformedBearerTokenIsRefused() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer abc=d",
                "Bearer 令牌", "Bearerabc", "Bearer =="}) {
            assertThatThrownBy(() -> ours.resolve(with(header))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }

    @Property(tries = 2000)
    void agreesWithSpringSecuritysResolver(@ForAll("headers") String header) {
        assertThat(outcome(() -> ours.resolve(with(header))))
                .isEqualTo(outcome(() -> spring.resolve(with(header))));
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ",
                "Bear ", "", "Bearerx ");
        Arbitrary<String> token = Arbitraries.strings().withChars("abcXYZ019-._~+/= \t令").ofMinLength(0)
                .ofMaxLength(12);
        return Combinators.combine(scheme, token).as(String::concat);
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token:" + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused:" + e.getError().getErrorCode();
        }
    }
}
