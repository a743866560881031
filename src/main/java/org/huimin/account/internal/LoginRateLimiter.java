package org.huimin.account.internal;

import org.huimin.shared.web.ClientRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps login attempts per client address (token bucket, {@code huimin.security.login-rate-limit.per-minute}), which
 * slows password spraying across many usernames that the per-account lockout cannot see.
 */
@Component
class LoginRateLimiter extends ClientRateLimiter {

    LoginRateLimiter(@Value("${huimin.security.login-rate-limit.per-minute:60}") int perMinute) {
        super(perMinute);
    }
}
