package org.huimin.records;

import java.time.Instant;
import java.util.UUID;

/**
 * Care relationships (诊疗关系) that let clinicians read a resident's record without a consent: an appointment
 * (opened from scheduling's events), and — from later modules — consultations, referrals and family-doctor contracts.
 * {@code practitionerId} null means any clinician of the organisation.
 */
public interface CareRelationships {

    /** Opens (or extends) the relationship named by {@code kind} and {@code reference}; idempotent. */
    void open(UUID residentId, UUID organizationId, UUID practitionerId, String kind, String reference,
            Instant validFrom, Instant validUntil);

    /** One relationship to open, as {@link #open} takes it. */
    record Opening(UUID residentId, UUID organizationId, UUID practitionerId, String kind, String reference,
            Instant validFrom, Instant validUntil) {
    }

    /**
     * Opens (or extends) each of {@code openings}, as {@link #open} does, with the inserts in one round trip to the
     * database (a JDBC batch): for bookings placed together.
     */
    void openAll(java.util.List<Opening> openings);

    /** Ends the relationship now; nothing happens when there is none. */
    void end(String kind, String reference);

    /** True when an active relationship covers this practitioner (or any clinician of the organisation). */
    boolean exists(UUID residentId, UUID organizationId, UUID practitionerId);
}
