package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.huimin.scheduling.Channel;
import org.huimin.scheduling.QuotaPool;
import org.junit.jupiter.api.Test;

/** Pool shares, the pool rule and the booking policy as plain Java. */
class PoolRulesTest {

    private static final PoolShares DEFAULT = PoolShares.parse("ONLINE:50,ONSITE:20,REFERRAL:20,FAMILY_DOCTOR:5,PHONE:5");

    @Property
    void poolsAlwaysAddUpToTheCapacity(@ForAll @IntRange(min = 0, max = 5000) int capacity,
            @ForAll @IntRange(min = 0, max = 100) int online) {
        PoolShares shares = PoolShares.parse("ONLINE:" + online + ",ONSITE:" + (100 - online));
        Map<QuotaPool, Integer> split = shares.split(capacity);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(capacity);
        assertThat(split.values()).allMatch(v -> v >= 0);
        // no pool is more than one place away from its exact share
        split.forEach((pool, n) -> assertThat(Math.abs(n * 100 - capacity * shares.percent().get(pool)))
                .isLessThan(100 * 2));
    }

    @Test
    void theDefaultSplitKeepsAFifthForReferrals() {
        assertThat(DEFAULT.split(20)).containsEntry(QuotaPool.REFERRAL, 4).containsEntry(QuotaPool.ONLINE, 10)
                .containsEntry(QuotaPool.ONSITE, 4).containsEntry(QuotaPool.PHONE, 1)
                .containsEntry(QuotaPool.FAMILY_DOCTOR, 1);
        assertThat(DEFAULT.split(6).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    @Test
    void badSharesAreRefused() {
        assertThatThrownBy(() -> PoolShares.parse("ONLINE:50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolShares.parse("ONLINE:60,ONLINE:40")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolShares.parse("BOGUS:100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolShares.parse("ONLINE:-10,ONSITE:110")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PoolShares.parse(" online : 100 ").format()).isEqualTo("ONLINE:100");
    }

    @Test
    void aChannelTakesOnlyItsOwnPoolUntilThePoolsFlowBack() {
        Instant flowsBack = Instant.parse("2026-12-01T06:00:00Z");
        Map<QuotaPool, Integer> left = new EnumMap<>(QuotaPool.class);
        left.put(QuotaPool.ONLINE, 0);
        left.put(QuotaPool.ONSITE, 3);
        left.put(QuotaPool.REFERRAL, 2);
        assertThat(PoolPolicy.available(Channel.APP, flowsBack.minusSeconds(1), flowsBack, left)).isZero();
        assertThat(PoolPolicy.available(Channel.WINDOW, flowsBack.minusSeconds(1), flowsBack, left)).isEqualTo(3);
        assertThat(PoolPolicy.available(Channel.APP, flowsBack, flowsBack, left)).isEqualTo(5);
        assertThat(PoolPolicy.pools(Channel.WINDOW, flowsBack, flowsBack)).startsWith(QuotaPool.ONSITE)
                .containsExactlyInAnyOrder(QuotaPool.values());
    }

    private static SchedulingProperties properties() {
        return new SchedulingProperties(ZoneId.of("Asia/Shanghai"), 14, 7, LocalTime.of(8, 0), Duration.ofHours(2),
                "ONLINE:100", 5, Duration.ofHours(2), Duration.ofMinutes(15), 3, Duration.ofDays(90),
                Duration.ofDays(30), Duration.ofSeconds(1));
    }

    @Test
    void aNegativeCancellationDeadlineOrGraceIsRefusedAtStart() {
        assertThatThrownBy(() -> new SchedulingProperties(ZoneId.of("Asia/Shanghai"), 14, 7, LocalTime.of(8, 0),
                Duration.ofHours(2), "ONLINE:100", 5, Duration.ofHours(2), Duration.ofMinutes(-1), 3,
                Duration.ofDays(90), Duration.ofDays(30), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cancel-grace");
        assertThatThrownBy(() -> new SchedulingProperties(ZoneId.of("Asia/Shanghai"), 14, 7, LocalTime.of(8, 0),
                Duration.ofHours(2), "ONLINE:100", 5, Duration.ofHours(-2), Duration.ofMinutes(15), 3,
                Duration.ofDays(90), Duration.ofDays(30), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cancel-deadline");
    }

    @Test
    void theBookingPolicyChecksInOrder() {
        BookingPolicy policy = new BookingPolicy(properties());
        Instant now = Instant.parse("2026-11-25T02:00:00Z");
        Instant later = now.plus(Duration.ofDays(1));
        var ok = new BookingPolicy.Facts("OPEN", later, now.minusSeconds(60), Channel.APP, 0, 0, null);
        assertThat(policy.check(ok, now)).isNull();
        assertThat(policy.check(new BookingPolicy.Facts("STOPPED", later, now, Channel.APP, 0, 0, null), now))
                .isEqualTo(BookingPolicy.Refusal.SESSION_STOPPED);
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", now, now, Channel.APP, 0, 0, null), now))
                .isEqualTo(BookingPolicy.Refusal.SLOT_PAST);
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now.plusSeconds(1), Channel.APP, 0, 0, null),
                now)).isEqualTo(BookingPolicy.Refusal.NOT_RELEASED);
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now, Channel.APP, 5, 0, null), now))
                .isEqualTo(BookingPolicy.Refusal.TOO_MANY_ACTIVE);
        // three no-shows pause online booking for thirty days after the last; the window still books
        Instant lastNoShow = now.minus(Duration.ofDays(10));
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now, Channel.APP, 0, 3, lastNoShow), now))
                .isEqualTo(BookingPolicy.Refusal.ONLINE_PAUSED);
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now, Channel.WINDOW, 0, 3, lastNoShow), now))
                .isNull();
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now, Channel.APP, 0, 2, lastNoShow), now))
                .isNull();
        assertThat(policy.check(new BookingPolicy.Facts("OPEN", later, now, Channel.APP, 0, 3,
                now.minus(Duration.ofDays(31))), now)).isNull();
        Instant yesterday = now.minus(Duration.ofDays(1));
        assertThat(policy.residentMayCancel(now.plus(Duration.ofHours(3)), yesterday, now)).isTrue();
        assertThat(policy.residentMayCancel(now.plus(Duration.ofHours(1)), yesterday, now)).isFalse();
        // within the grace period after booking: undo a booking made by mistake, even past the deadline ...
        assertThat(policy.residentMayCancel(now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(5)), now))
                .isTrue();
        assertThat(policy.residentMayCancel(now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(20)), now))
                .isFalse();
        // ... but not once the slot has started
        assertThat(policy.residentMayCancel(now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofMinutes(2)), now))
                .isFalse();
    }
}
