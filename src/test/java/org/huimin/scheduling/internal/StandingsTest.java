package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.huimin.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a booking batch reads of its residents: active bookings, recent no-shows, and the keys of the bookings that
 * hold the one-per-doctor-a-day rule (BOOKED, CHECKED_IN or COMPLETED, since a day ago), read by status through the
 * resident index.
 */
class StandingsTest extends HttpTest {

    @Autowired
    AppointmentRecords appointments;
    @Autowired
    JdbcTemplate jdbc;

    private void appointment(UUID resident, String status, Instant starts, String key) {
        OffsetDateTime start = OffsetDateTime.ofInstant(starts, ZoneOffset.UTC);
        jdbc.update("""
                insert into scheduling_appointment (id, slot_id, session_id, pool, resident_id, organization_id,
                    department_code, practitioner_id, service_date, starts_at, ends_at, fee_fen, channel, booked_by,
                    acting_for, status, active_key, created_at)
                values (?, ?, ?, 'APP', ?, ?, '03', ?, ?, ?, ?, 1000, 'APP', 'test', false, ?, ?, ?)""",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), resident, UUID.randomUUID(),
                UUID.randomUUID(), LocalDate.ofInstant(starts, ZoneOffset.UTC), start, start.plusMinutes(15), status,
                key, start.minusDays(7));
    }

    @Test
    void aResidentsStandingCountsWhatTheRulesNeedAndTheKeysThatCanStillStopABooking() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID resident = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();
        String prefix = resident + "|";
        appointment(resident, "BOOKED", now.plus(1, ChronoUnit.DAYS), prefix + "booked");
        appointment(resident, "BOOKED", now.minus(2, ChronoUnit.HOURS), prefix + "booked-over"); // over: not active
        appointment(resident, "CHECKED_IN", now.minus(1, ChronoUnit.HOURS), prefix + "checked-in");
        appointment(resident, "COMPLETED", now.minus(3, ChronoUnit.HOURS), prefix + "completed-today");
        appointment(resident, "COMPLETED", now.minus(3, ChronoUnit.DAYS), prefix + "completed-earlier");
        appointment(resident, "NO_SHOW", now.minus(10, ChronoUnit.DAYS), null);
        appointment(resident, "NO_SHOW", now.minus(200, ChronoUnit.DAYS), null); // before the window
        appointment(resident, "CANCELLED", now.plus(2, ChronoUnit.DAYS), null);

        Map<UUID, AppointmentRecords.Standing> standings = appointments.standings(List.of(resident, nobody), now,
                now.minus(90, ChronoUnit.DAYS));

        assertThat(standings).containsOnlyKeys(resident);
        AppointmentRecords.Standing s = standings.get(resident);
        assertThat(s.active()).isEqualTo(1);
        assertThat(s.noShows()).isEqualTo(1);
        assertThat(s.lastNoShow()).isEqualTo(now.minus(10, ChronoUnit.DAYS));
        // a key of a day gone by cannot stop a booking, so it is not read
        assertThat(s.activeKeys()).isEqualTo(Set.of(prefix + "booked", prefix + "booked-over", prefix + "checked-in",
                prefix + "completed-today"));
    }
}
