package org.huimin.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A booking of one time slot for one resident. {@code feeFen}: the registration fee in fen. */
public record Appointment(UUID id, UUID slotId, UUID sessionId, UUID residentId, UUID organizationId,
        String departmentCode, UUID practitionerId, LocalDate day, Instant startsAt, Instant endsAt, long feeFen,
        Channel channel, QuotaPool pool, AppointmentStatus status, String bookedBy, boolean actingFor,
        Instant createdAt, Instant cancelledAt, String cancelReason) {
}
