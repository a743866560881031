package org.huimin.scheduling;

/** Where a booking stands. STOPPED: the hospital stopped the session (停诊). */
public enum AppointmentStatus {
    BOOKED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW, STOPPED;

    /** True while the booking holds capacity. */
    public boolean active() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
