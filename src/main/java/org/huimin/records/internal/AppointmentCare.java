package org.huimin.records.internal;

import org.huimin.records.CareRelationships;
import org.huimin.scheduling.AppointmentsBooked;
import org.huimin.scheduling.AppointmentCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A booking is a care relationship: from the booking until a week after the appointment (configurable), the booked
 * practitioner — or any clinician of the institution when the booking names none — may read the record, so that the
 * doctor can prepare the visit. A cancelled booking ends it.
 *
 * <p>The listeners run in the booking's (or cancellation's) own transaction: the relationship exists exactly when the
 * booking does, and the 8 a.m. flash crowd pays no event-publication rows and no extra commits for it.
 */
@Component
class AppointmentCare {

    static final String KIND = "APPOINTMENT";

    private final CareRelationships care;
    private final RecordsProperties properties;
    private final java.time.Clock clock;

    AppointmentCare(CareRelationships care, RecordsProperties properties, java.time.Clock clock) {
        this.care = care;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentsBooked e) {
        java.time.Instant now = clock.instant();
        care.openAll(e.bookings().stream().map(b -> new CareRelationships.Opening(b.residentId(), b.organizationId(),
                b.practitionerId(), KIND, b.appointmentId().toString(), now,
                b.startsAt().plus(properties.careAfterAppointment()))).toList());
    }

    @EventListener
    void on(AppointmentCancelled e) {
        care.end(KIND, e.appointmentId().toString());
    }
}
