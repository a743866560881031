package org.huimin.scheduling.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking rules and release settings ({@code huimin.scheduling.*}); a region sets them, nothing here is a law.
 *
 * @param zone              the region's clock for sessions and release times
 * @param horizonDays       sessions are generated from templates this many days ahead
 * @param releaseDaysAhead  a session's slots open this many days before its date ...
 * @param releaseTime       ... at this time of day (the 8 a.m. release)
 * @param flowBack          pools not taken this long before the session starts open to every channel
 * @param poolShares        default split of a slot's capacity into pools, in percent (referral: 20% as in Beijing)
 * @param maxActiveBookings active bookings one resident may hold at once
 * @param cancelDeadline    a resident may cancel until this long before the slot starts (staff at any time) ...
 * @param cancelGrace       ... and, to undo a booking made by mistake, within this long after booking, as long as
 *                          the slot has not started
 * @param noShowLimit       no-shows within {@code noShowWindow} that pause online booking ...
 * @param noShowWindow      ... counted over this period ...
 * @param noShowPause       ... for this long (the window still books)
 * @param listingCacheTtl   slot listings are reused until a write changes their day on this node, and for at most
 *                          this long (the staleness bound when several nodes serve the region); zero: never reused
 */
@ConfigurationProperties("huimin.scheduling")
public record SchedulingProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("14") int horizonDays,
        @DefaultValue("7") int releaseDaysAhead, @DefaultValue("08:00") LocalTime releaseTime,
        @DefaultValue("PT2H") Duration flowBack,
        @DefaultValue("ONLINE:50,ONSITE:20,REFERRAL:20,FAMILY_DOCTOR:5,PHONE:5") String poolShares,
        @DefaultValue("5") int maxActiveBookings, @DefaultValue("PT2H") Duration cancelDeadline,
        @DefaultValue("PT15M") Duration cancelGrace,
        @DefaultValue("3") int noShowLimit, @DefaultValue("P90D") Duration noShowWindow,
        @DefaultValue("P30D") Duration noShowPause, @DefaultValue("PT1S") Duration listingCacheTtl) {

    public SchedulingProperties {
        if (horizonDays < 1 || horizonDays > 90) {
            throw new IllegalArgumentException("huimin.scheduling.horizon-days must be between 1 and 90");
        }
        if (releaseDaysAhead < 0 || releaseDaysAhead > horizonDays) {
            throw new IllegalArgumentException("huimin.scheduling.release-days-ahead must be between 0 and horizon-days");
        }
        if (cancelDeadline.isNegative() || cancelGrace.isNegative()) {
            throw new IllegalArgumentException(
                    "huimin.scheduling.cancel-deadline and cancel-grace cannot be negative");
        }
        PoolShares.parse(poolShares);
    }
}
