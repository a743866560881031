package org.huimin.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Setting up schedules without a signed-in scheduler: demo data and data migration from a hospital system. */
public interface ScheduleSetup {

    /**
     * A weekly template; {@code practitionerId} or {@code serviceName} names who sees patients, {@code feeFen} is
     * the registration fee in fen, {@code poolShares} null for the region's default split, {@code room} where the
     * queue is called to (may be null).
     */
    record TemplateSpec(UUID organizationId, String departmentCode, UUID practitionerId, String serviceName,
            int dayOfWeek, Period period, LocalTime start, LocalTime end, int slotMinutes, int slotCapacity,
            RegistrationType registrationType, long feeFen, String poolShares, String room) {
    }

    /** Adds a template (sessions follow with the next {@link #generate}); returns its id. */
    UUID addTemplate(TemplateSpec spec);

    /** Generates the sessions of {@code from..to} (inclusive) that do not exist yet; returns how many. */
    int generate(LocalDate from, LocalDate to);
}
