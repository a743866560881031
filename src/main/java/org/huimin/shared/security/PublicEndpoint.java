package org.huimin.shared.security;

import org.springframework.http.HttpMethod;

/**
 * An endpoint under {@code /api} that needs no login. A module declares its public endpoints as beans; the security
 * configuration permits exactly those, and everything else under {@code /api} needs a token.
 */
public record PublicEndpoint(HttpMethod method, String pattern) {
}
