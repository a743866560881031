package org.huimin.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.AppointmentStatus;
import org.huimin.scheduling.Channel;
import org.huimin.scheduling.QuotaPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments, the per-resident booking lock and idempotency keys on JDBC. */
@Repository
class AppointmentRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AppointmentRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts BOOKED appointments in one round trip (a JDBC batch), without the session check of
     * {@link #insertIfOpen}: the caller holds the slots' pool rows and has read their sessions open after taking
     * those locks (see {@link BookingBatches}). {@code activeKeys} are in the order of {@code all}.
     */
    void insertAll(List<Appointment> all, List<String> activeKeys) {
        List<Object[]> rows = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Appointment a = all.get(i);
            rows.add(new Object[] {a.id(), a.slotId(), a.sessionId(), a.pool().name(), a.residentId(),
                    a.organizationId(), a.departmentCode(), a.practitionerId(), a.day(), Schedules.utc(a.startsAt()),
                    Schedules.utc(a.endsAt()), a.feeFen(), a.channel().name(), a.bookedBy(), a.actingFor(),
                    a.status().name(), activeKeys.get(i), Schedules.utc(a.createdAt())});
        }
        int[] counts = batch.batchUpdate("""
                insert into scheduling_appointment (id, slot_id, session_id, pool, resident_id, organization_id,
                    department_code, practitioner_id, service_date, starts_at, ends_at, fee_fen, channel, booked_by,
                    acting_for, status, active_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an appointment of the batch was not inserted");
            }
        }
    }

    /** What the booking rules need of one resident, for a batch: counts as {@link #history}, and the active keys. */
    record Standing(long active, long noShows, Instant lastNoShow, Set<String> activeKeys) {

        static final Standing NONE = new Standing(0, 0, null, Set.of());
    }

    /**
     * The standing of each of {@code residents} in one statement: active bookings (BOOKED, not yet over at
     * {@code now}), no-shows since {@code since} with the last one's start, and the keys of the bookings that hold
     * the one-per-practitioner-a-day rule. A resident without any is absent from the map.
     * <p>
     * An appointment holds its key while BOOKED, CHECKED_IN or COMPLETED (constraint
     * {@code scheduling_appointment_active_key}); a key of a day before today cannot stop a booking, since slots of
     * past days are not booked, so the statement asks for those statuses since a day ago and reads the residents'
     * rows of the resident index only. Asking for "{@code active_key is not null} or …" let PostgreSQL read every
     * active key of the region through the key's unique index and filter them by resident: at release time, a scan
     * that grew with every booking made (0.8 ms a batch after 500 bookings). The key's unique constraint still decides
     * under concurrency.
     */
    Map<UUID, Standing> standings(Collection<UUID> residents, Instant now, Instant since) {
        Map<UUID, long[]> counts = new HashMap<>();
        Map<UUID, Instant> last = new HashMap<>();
        Map<UUID, Set<String>> keys = new HashMap<>();
        jdbc.sql("""
                select resident_id, status, starts_at, ends_at, active_key from scheduling_appointment
                where resident_id = any(:r) and (status = 'BOOKED' or (status = 'NO_SHOW' and starts_at >= :since)
                    or (status in ('CHECKED_IN', 'COMPLETED') and starts_at >= :recent))""")
                .param("r", Schedules.array("uuid", residents)).param("since", Schedules.utc(since))
                .param("recent", Schedules.utc(now.minus(java.time.Duration.ofDays(1))))
                .query(rs -> {
                    UUID r = rs.getObject("resident_id", UUID.class);
                    String status = rs.getString("status");
                    Instant starts = Schedules.instant(rs, "starts_at");
                    long[] c = counts.computeIfAbsent(r, k -> new long[2]);
                    if ("BOOKED".equals(status) && Schedules.instant(rs, "ends_at").isAfter(now)) {
                        c[0]++;
                    }
                    if ("NO_SHOW".equals(status) && !starts.isBefore(since)) {
                        c[1]++;
                        last.merge(r, starts, (a, b) -> a.isAfter(b) ? a : b);
                    }
                    String key = rs.getString("active_key");
                    if (key != null) {
                        keys.computeIfAbsent(r, k -> new HashSet<>()).add(key);
                    }
                });
        Map<UUID, Standing> result = new HashMap<>();
        counts.forEach((r, c) -> result.put(r, new Standing(c[0], c[1], last.get(r),
                keys.getOrDefault(r, Set.of()))));
        return result;
    }

    /**
     * Inserts a BOOKED appointment if its session is still open, in a statement of its own (so, under read committed,
     * with a view taken after the place was taken): a stop-service that committed while this booking waited for the
     * pool row is seen here, and one that commits later first waits for this booking's pool row and then ends it
     * with the others (see {@link Schedules#lockPlaces}). False when the session has been stopped.
     */
    boolean insertIfOpen(Appointment a, String activeKey) {
        return jdbc.sql("""
                insert into scheduling_appointment (id, slot_id, session_id, pool, resident_id, organization_id,
                    department_code, practitioner_id, service_date, starts_at, ends_at, fee_fen, channel, booked_by, acting_for,
                    status, active_key, created_at)
                select cast(:id as uuid), cast(:slot as uuid), cast(:session as uuid), cast(:pool as varchar(16)),
                    cast(:resident as uuid), cast(:org as uuid), cast(:dept as varchar(8)), cast(:pid as uuid),
                    cast(:day as date), cast(:starts as timestamp with time zone),
                    cast(:ends as timestamp with time zone), cast(:fee as bigint), cast(:channel as varchar(16)),
                    cast(:by as varchar(64)), cast(:actingFor as boolean), cast(:status as varchar(12)),
                    cast(:activeKey as varchar(120)), cast(:created as timestamp with time zone)
                where exists (select 1 from scheduling_session where id = :session and status = 'OPEN')""")
                .param("id", a.id()).param("slot", a.slotId()).param("session", a.sessionId())
                .param("pool", a.pool().name()).param("resident", a.residentId()).param("org", a.organizationId())
                .param("dept", a.departmentCode()).param("pid", a.practitionerId()).param("day", a.day())
                .param("starts", Schedules.utc(a.startsAt())).param("ends", Schedules.utc(a.endsAt()))
                .param("fee", a.feeFen()).param("channel", a.channel().name()).param("by", a.bookedBy())
                .param("actingFor", a.actingFor()).param("status", a.status().name()).param("activeKey", activeKey)
                .param("created", Schedules.utc(a.createdAt())).update() == 1;
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from scheduling_appointment where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** A resident's bookings, newest slot first; {@code activeOnly} keeps BOOKED and CHECKED_IN. */
    List<Appointment> ofResident(UUID residentId, boolean activeOnly, int limit) {
        return jdbc.sql("""
                select * from scheduling_appointment
                where resident_id = :r and (not :activeOnly or status in ('BOOKED', 'CHECKED_IN'))
                order by starts_at desc limit :limit""")
                .param("r", residentId).param("activeOnly", activeOnly).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    /** Appointments of a resident whose slot starts in {@code [from, to)}, for FHIR search. */
    List<Appointment> ofResidentBetween(UUID residentId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select * from scheduling_appointment
                where resident_id = :r and starts_at >= :from and starts_at < :to
                order by starts_at limit :limit""")
                .param("r", residentId).param("from", Schedules.utc(from)).param("to", Schedules.utc(to))
                .param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    List<Appointment> bookedInSession(UUID sessionId) {
        return jdbc.sql("select * from scheduling_appointment where session_id = :s and status = 'BOOKED' "
                + "order by starts_at, id").param("s", sessionId).query((rs, n) -> map(rs)).list();
    }

    /** Moves an appointment from one status to another (check-in, completion); false when it had moved on. */
    boolean advance(UUID id, AppointmentStatus from, AppointmentStatus to) {
        return jdbc.sql("update scheduling_appointment set status = :to where id = :id and status = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update() == 1;
    }

    /** Today's BOOKED appointments of a resident at an organisation, earliest first. */
    List<Appointment> bookedAt(UUID residentId, UUID organizationId, LocalDate day) {
        return jdbc.sql("""
                select * from scheduling_appointment
                where resident_id = :r and organization_id = :o and service_date = :day and status = 'BOOKED'
                order by starts_at""")
                .param("r", residentId).param("o", organizationId).param("day", day).query((rs, n) -> map(rs)).list();
    }

    /** Marks BOOKED appointments that ended before {@code before} without a check-in as NO_SHOW; returns how many. */
    int markNoShows(Instant before) {
        return jdbc.sql("""
                update scheduling_appointment set status = 'NO_SHOW', active_key = null
                where status = 'BOOKED' and ends_at < :before""")
                .param("before", Schedules.utc(before)).update();
    }

    /** What the booking rules need of a resident's bookings, in one round trip. */
    record History(long active, long noShows, Instant lastNoShow) {
    }

    /** Active bookings (not yet over at {@code now}) and the no-shows since {@code since}, with the last one's start. */
    History history(UUID residentId, Instant now, Instant since) {
        return jdbc.sql("""
                select
                    (select count(*) from scheduling_appointment
                        where resident_id = :r and status = 'BOOKED' and ends_at > :now) as active,
                    (select count(*) from scheduling_appointment
                        where resident_id = :r and status = 'NO_SHOW' and starts_at >= :since) as n,
                    (select max(starts_at) from scheduling_appointment
                        where resident_id = :r and status = 'NO_SHOW' and starts_at >= :since) as last""")
                .param("r", residentId).param("now", Schedules.utc(now)).param("since", Schedules.utc(since))
                .query((rs, i) -> new History(rs.getLong("active"), rs.getLong("n"), Schedules.instant(rs, "last")))
                .single();
    }

    /** Moves a BOOKED appointment to {@code status}; false when it was no longer BOOKED. */
    boolean end(UUID id, AppointmentStatus status, String by, String reason, Instant now) {
        return jdbc.sql("""
                update scheduling_appointment set status = :status, active_key = null, cancelled_at = :now,
                    cancelled_by = :by, cancel_reason = :reason
                where id = :id and status = 'BOOKED'""")
                .param("status", status.name()).param("now", Schedules.utc(now)).param("by", by)
                .param("reason", reason).param("id", id).update() == 1;
    }

    /**
     * Serialises the bookings of one resident until the transaction ends, by locking the resident's booker row; the
     * row is created by their first booking. One statement once the row exists.
     */
    void lockBooker(UUID residentId) {
        if (lockedBooker(residentId)) {
            return;
        }
        try {
            // PostgreSQL waits for a concurrent first booking's insert and then does nothing
            jdbc.sql("insert into scheduling_booker (resident_id) values (:r) on conflict do nothing")
                    .param("r", residentId).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // H2: a concurrent first booking inserted it (H2 keeps the transaction going after a failed statement)
        }
        lockedBooker(residentId);
    }

    private boolean lockedBooker(UUID residentId) {
        return !jdbc.sql("select resident_id from scheduling_booker where resident_id = :r for update")
                .param("r", residentId).query((rs, n) -> n).list().isEmpty();
    }

    record Idempotent(String requestHash, UUID appointmentId) {
    }

    /** A key to insert for a batch: who, the key, the request's hash and the appointment it will name. */
    record Key(String actor, String key, String hash, UUID appointmentId) {
    }

    /**
     * Inserts {@code keys} in one round trip; a key that exists already (or that a concurrent request is inserting,
     * which PostgreSQL waits for) is left alone. Returns, in the order of {@code keys}, whether each was inserted.
     */
    boolean[] insertIdempotentAll(List<Key> keys, Instant now) {
        List<Object[]> rows = keys.stream().map(k -> new Object[] {k.actor(), k.key(), k.hash(), k.appointmentId(),
                Schedules.utc(now)}).toList();
        int[] counts = batch.batchUpdate("""
                insert into scheduling_idempotency (actor, idem_key, request_hash, appointment_id, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", rows);
        boolean[] inserted = new boolean[keys.size()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say which keys were inserted");
            }
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    /** Deletes the keys of bookings refused inside a batch, in one round trip. */
    void deleteIdempotentAll(List<Key> keys) {
        if (!keys.isEmpty()) {
            batch.batchUpdate("delete from scheduling_idempotency where actor = ? and idem_key = ?",
                    keys.stream().map(k -> new Object[] {k.actor(), k.key()}).toList());
        }
    }

    /**
     * Locks the booker rows of {@code residents} (see {@link #lockBooker}) in one statement, in the database's order
     * of the keys so that two batches cannot deadlock on them; the rows of residents booking for the first time are
     * created and locked one by one afterwards.
     */
    void lockBookers(Collection<UUID> residents) {
        Set<UUID> locked = new HashSet<>(jdbc.sql("""
                select resident_id from scheduling_booker where resident_id = any(:r) order by resident_id for update""")
                .param("r", Schedules.array("uuid", residents)).query((rs, n) -> rs.getObject(1, UUID.class)).list());
        residents.stream().filter(r -> !locked.contains(r)).sorted().forEach(this::lockBooker);
    }

    Optional<Idempotent> idempotent(String actor, String key) {
        return jdbc.sql("select request_hash, appointment_id from scheduling_idempotency where actor = :a and idem_key = :k")
                .param("a", actor).param("k", key)
                .query((rs, n) -> new Idempotent(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    void insertIdempotent(String actor, String key, String hash, UUID appointmentId, Instant now) {
        jdbc.sql("""
                insert into scheduling_idempotency (actor, idem_key, request_hash, appointment_id, created_at)
                values (:a, :k, :h, :id, :now)""")
                .param("a", actor).param("k", key).param("h", hash).param("id", appointmentId)
                .param("now", Schedules.utc(now)).update();
    }

    private static Appointment map(ResultSet rs) throws SQLException {
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("slot_id", UUID.class),
                rs.getObject("session_id", UUID.class), rs.getObject("resident_id", UUID.class),
                rs.getObject("organization_id", UUID.class), rs.getString("department_code"),
                rs.getObject("practitioner_id", UUID.class), rs.getObject("service_date", LocalDate.class),
                Schedules.instant(rs, "starts_at"), Schedules.instant(rs, "ends_at"), rs.getLong("fee_fen"),
                Channel.valueOf(rs.getString("channel")), QuotaPool.valueOf(rs.getString("pool")),
                AppointmentStatus.valueOf(rs.getString("status")), rs.getString("booked_by"),
                rs.getBoolean("acting_for"), Schedules.instant(rs, "created_at"), Schedules.instant(rs, "cancelled_at"),
                rs.getString("cancel_reason"));
    }
}
