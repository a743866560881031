package org.huimin.shared.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client key (usually the address) for public endpoints that can be abused: login, registration,
 * one-time codes. Buckets of idle clients are dropped after ten minutes.
 */
public class ClientRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private final int perMinute;

    public ClientRateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one request per minute");
        }
        this.perMinute = perMinute;
    }

    /** Zero when the request may go ahead, otherwise the seconds to wait. */
    public long tryAcquire(String key) {
        Bucket bucket = buckets.get(key == null ? "unknown" : key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    }
}
