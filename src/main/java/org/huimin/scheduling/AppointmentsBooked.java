package org.huimin.scheduling;

import java.util.List;

/**
 * Appointments placed together, in one transaction (a booking alone is a list of one); published in that
 * transaction, so that a listener's writes commit or roll back with them and can be made in one round trip.
 */
public record AppointmentsBooked(List<AppointmentBooked> bookings) {

    public AppointmentsBooked {
        bookings = List.copyOf(bookings);
    }
}
