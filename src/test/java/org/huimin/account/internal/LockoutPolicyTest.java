package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(30));
    private final Instant t0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void locksAtTheFifthFailureInsideTheWindow() {
        LockoutPolicy.Failure f = policy.afterFailure(0, null, t0);
        for (int i = 1; i < 5; i++) {
            assertThat(f.locks()).isFalse();
            f = policy.afterFailure(f.attempts(), f.firstFailedAt(), t0.plusSeconds(60L * i));
        }
        assertThat(f.locks()).isTrue();
        assertThat(f.attempts()).isEqualTo(5);
        assertThat(f.lockedUntil()).isEqualTo(t0.plusSeconds(240).plus(Duration.ofMinutes(30)));
    }

    @Test
    void failuresOutsideTheWindowStartAgain() {
        LockoutPolicy.Failure f = policy.afterFailure(4, t0, t0.plus(Duration.ofMinutes(16)));
        assertThat(f.locks()).isFalse();
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.firstFailedAt()).isEqualTo(t0.plus(Duration.ofMinutes(16)));
    }
}
