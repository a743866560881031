package org.huimin.identity.internal;

import org.huimin.shared.web.ClientRateLimiter;

/** The registration and one-time-code endpoints' own limiter per client address. */
public final class RegistrationRateLimiter extends ClientRateLimiter {

    RegistrationRateLimiter(int perMinute) {
        super(perMinute);
    }
}
