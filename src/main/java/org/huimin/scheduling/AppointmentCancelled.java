package org.huimin.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A booking gave its capacity back: cancelled by the resident or staff, or stopped by the hospital. */
public record AppointmentCancelled(UUID appointmentId, UUID residentId, UUID slotId, UUID sessionId, Instant startsAt,
        AppointmentStatus status, String reason) {
}
