package org.huimin.account.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Locks an account after {@code maxFailures} wrong passwords within {@code window}, for {@code duration}. Failures
 * older than the window start a new count, so an occasional typo never adds up to a lockout.
 */
record LockoutPolicy(int maxFailures, Duration window, Duration duration) {

    LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
    }

    /** The account's failure state after one more wrong password at {@code now}. */
    Failure afterFailure(int attempts, Instant firstFailedAt, Instant now) {
        boolean windowOpen = firstFailedAt != null && !firstFailedAt.plus(window).isBefore(now);
        int count = windowOpen ? attempts + 1 : 1;
        Instant first = windowOpen ? firstFailedAt : now;
        return count >= maxFailures ? new Failure(count, first, now.plus(duration)) : new Failure(count, first, null);
    }

    /** Failure count, start of the window, and the end of the lockout when this failure triggered one. */
    record Failure(int attempts, Instant firstFailedAt, Instant lockedUntil) {
        boolean locks() {
            return lockedUntil != null;
        }
    }
}
