package org.huimin.scheduling.internal;

import java.time.Instant;

import org.huimin.scheduling.Channel;

/**
 * The rules a booking must pass before it takes a place, as plain Java: the slot is open, released and in the
 * future; online booking is not paused for no-shows; the resident holds fewer than the maximum of active bookings.
 * (One active booking per practitioner a day is a unique key in the database.)
 */
final class BookingPolicy {

    /** Why a booking is refused; each has its own problem type and HTTP status. */
    enum Refusal {
        SESSION_STOPPED("session-stopped", 409), SLOT_PAST("slot-past", 422),
        NOT_RELEASED("slot-not-released", 422), ONLINE_PAUSED("online-booking-paused", 422),
        TOO_MANY_ACTIVE("too-many-bookings", 422), SLOT_FULL("slot-full", 409),
        ALREADY_BOOKED("already-booked", 409);

        final String type;
        final int status;

        Refusal(String type, int status) {
            this.type = type;
            this.status = status;
        }
    }

    record Facts(String sessionStatus, Instant slotStartsAt, Instant releasesAt, Channel channel, long activeBookings,
            long recentNoShows, Instant lastNoShow) {
    }

    private final SchedulingProperties properties;

    BookingPolicy(SchedulingProperties properties) {
        this.properties = properties;
    }

    /** The first rule the booking breaks, or {@code null} when it may go ahead. */
    Refusal check(Facts f, Instant now) {
        if (!"OPEN".equals(f.sessionStatus())) {
            return Refusal.SESSION_STOPPED;
        }
        if (!now.isBefore(f.slotStartsAt())) {
            return Refusal.SLOT_PAST;
        }
        if (now.isBefore(f.releasesAt())) {
            return Refusal.NOT_RELEASED;
        }
        if (f.channel() == Channel.APP && onlinePausedUntil(f.recentNoShows(), f.lastNoShow()) != null
                && now.isBefore(onlinePausedUntil(f.recentNoShows(), f.lastNoShow()))) {
            return Refusal.ONLINE_PAUSED;
        }
        if (f.activeBookings() >= properties.maxActiveBookings()) {
            return Refusal.TOO_MANY_ACTIVE;
        }
        return null;
    }

    /** Until when online booking is paused after too many no-shows, or {@code null}. */
    Instant onlinePausedUntil(long recentNoShows, Instant lastNoShow) {
        return properties.noShowLimit() > 0 && recentNoShows >= properties.noShowLimit() && lastNoShow != null
                ? lastNoShow.plus(properties.noShowPause()) : null;
    }

    /** True when the slot can be booked now at all (open, released, in the future): the listing's first question. */
    static boolean bookable(String sessionStatus, Instant startsAt, Instant releasesAt, Instant now) {
        return "OPEN".equals(sessionStatus) && now.isBefore(startsAt) && !now.isBefore(releasesAt);
    }

    /**
     * May a resident (not staff) still cancel a booking starting at {@code startsAt}, made at {@code bookedAt}? Until
     * the cancellation deadline before the slot, and, to undo a booking made by mistake (a slot soon after booking,
     * the wrong doctor), within the grace period after booking, as long as the slot has not started.
     */
    boolean residentMayCancel(Instant startsAt, Instant bookedAt, Instant now) {
        if (!now.isBefore(startsAt)) {
            return false;
        }
        boolean beforeDeadline = now.isBefore(startsAt.minus(properties.cancelDeadline()));
        boolean withinGrace = bookedAt != null && now.isBefore(bookedAt.plus(properties.cancelGrace()));
        return beforeDeadline || withinGrace;
    }
}
