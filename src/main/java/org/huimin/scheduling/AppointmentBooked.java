package org.huimin.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A resident holds a time slot; published in the booking's transaction. */
public record AppointmentBooked(UUID appointmentId, UUID residentId, UUID organizationId, String departmentCode,
        UUID practitionerId, Instant startsAt, Channel channel, String bookedBy, boolean actingFor) {
}
