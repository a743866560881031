package org.huimin.records.internal;

import org.huimin.records.CareRelationships;
import org.huimin.scheduling.AppointmentBooked;
import org.huimin.scheduling.AppointmentCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A booking is a care relationship: from the booking until a week after the appointment (configurable), the booked
 * practitioner — or any clinician of the institution when the booking names none — may read the record, so that the
 * doctor can prepare the visit. A cancelled booking ends it.
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

    @ApplicationModuleListener
    void on(AppointmentBooked e) {
        care.open(e.residentId(), e.organizationId(), e.practitionerId(), KIND, e.appointmentId().toString(),
                clock.instant(),
                e.startsAt().plus(properties.careAfterAppointment()));
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled e) {
        care.end(KIND, e.appointmentId().toString());
    }
}
