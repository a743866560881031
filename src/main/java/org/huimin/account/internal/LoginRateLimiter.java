package org.huimin.account.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps login attempts per client address (token bucket, {@code huimin.security.login-rate-limit.per-minute}), which
 * slows password spraying across many usernames that the per-account lockout cannot see.
 */
@Component
class LoginRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private final int perMinute;

    LoginRateLimiter(@Value("${huimin.security.login-rate-limit.per-minute:60}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Zero when the attempt may go ahead, otherwise the seconds to wait. */
    long tryAcquire(String clientIp) {
        Bucket bucket = buckets.get(clientIp == null ? "unknown" : clientIp, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    }
}
