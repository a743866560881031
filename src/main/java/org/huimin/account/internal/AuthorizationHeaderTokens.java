package org.huimin.account.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header (RFC 6750 §2.1), with the rules of Spring Security's
 * {@code DefaultBearerTokenResolver} as Huimin configures it (header only, never a query or form parameter): another
 * scheme is no token, the scheme is case-insensitive, and a token outside the token68 alphabet is malformed (401).
 * Checked by a loop instead of a regular expression: the expression was 3–4% of an API request's CPU in the
 * flash-crowd profile, paid by every authenticated request.
 */
final class AuthorizationHeaderTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (header.length() < SCHEME.length() + 2 || header.charAt(SCHEME.length()) != ' '
                || !token68(header, SCHEME.length() + 1)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length() + 1);
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from {@code from} to the end. */
    static boolean token68(String s, int from) {
        int i = from;
        while (i < s.length() && tokenChar(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
