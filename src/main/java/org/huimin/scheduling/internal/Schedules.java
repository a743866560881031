package org.huimin.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.scheduling.Period;
import org.huimin.scheduling.QuotaPool;
import org.huimin.scheduling.RegistrationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Templates, exceptions, sessions, slots and pools on JDBC. */
@Repository
class Schedules {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SlotListings listings;

    Schedules(JdbcClient jdbc, JdbcTemplate batch, SchedulingProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.listings = new SlotListings(properties.listingCacheTtl(), 2_000, this::places);
    }

    /** A weekly template (排班模板). */
    record Template(UUID id, UUID organizationId, String departmentCode, UUID practitionerId, String serviceName,
            int dayOfWeek, Period period, LocalTime start, LocalTime end, int slotMinutes, int slotCapacity,
            RegistrationType registrationType, long feeFen, String poolShares, boolean active, String room) {
    }

    /** A day without clinics: the whole organisation's (practitioner null) or one practitioner's. */
    record Exception(UUID id, UUID organizationId, UUID practitionerId, LocalDate day, String reason) {
    }

    /** One session's slot with its pools, as the listing and the booking read it. */
    record SlotRow(UUID slotId, UUID sessionId, Instant startsAt, Instant endsAt, int capacity, UUID organizationId,
            String departmentCode, UUID practitionerId, String serviceName, LocalDate day, Period period,
            RegistrationType registrationType, long feeFen, Instant releasesAt, Instant flowsBackAt, String status,
            Map<QuotaPool, int[]> pools) {

        /** Capacity left in a pool (0 for a pool the slot does not have). */
        int remaining(QuotaPool pool) {
            int[] p = pools.get(pool);
            return p == null ? 0 : p[0] - p[1];
        }

        /** This slot with other places ({capacity, booked} per pool). */
        SlotRow withPools(Map<QuotaPool, int[]> places) {
            return new SlotRow(slotId, sessionId, startsAt, endsAt, capacity, organizationId, departmentCode,
                    practitionerId, serviceName, day, period, registrationType, feeFen, releasesAt, flowsBackAt, status,
                    places);
        }

        Map<QuotaPool, Integer> remaining() {
            Map<QuotaPool, Integer> left = new EnumMap<>(QuotaPool.class);
            pools.forEach((pool, p) -> left.put(pool, p[0] - p[1]));
            return left;
        }
    }

    // templates

    void insertTemplate(Template t, String by, Instant now) {
        jdbc.sql("""
                insert into scheduling_template (id, organization_id, department_code, practitioner_id, service_name,
                    day_of_week, period, start_time, end_time, slot_minutes, slot_capacity, registration_type, fee_fen,
                    pool_shares, active, room, created_at, created_by)
                values (:id, :org, :dept, :pid, :service, :dow, :period, :start, :end, :minutes, :capacity, :type, :fee,
                    :shares, :active, :room, :now, :by)""")
                .param("id", t.id()).param("org", t.organizationId()).param("dept", t.departmentCode())
                .param("pid", t.practitionerId()).param("service", t.serviceName()).param("dow", t.dayOfWeek())
                .param("period", t.period().name()).param("start", t.start()).param("end", t.end())
                .param("minutes", t.slotMinutes()).param("capacity", t.slotCapacity())
                .param("type", t.registrationType().name()).param("fee", t.feeFen()).param("shares", t.poolShares())
                .param("active", t.active()).param("room", t.room()).param("now", utc(now)).param("by", by).update();
    }

    int deactivateTemplate(UUID id) {
        return jdbc.sql("update scheduling_template set active = false where id = :id and active")
                .param("id", id).update();
    }

    List<Template> templates(UUID organizationId, boolean activeOnly) {
        return jdbc.sql("""
                select * from scheduling_template
                where (cast(:org as uuid) is null or organization_id = :org) and (active or not :activeOnly)
                order by organization_id, department_code, practitioner_id, day_of_week, start_time""")
                .param("org", organizationId).param("activeOnly", activeOnly)
                .query((rs, n) -> template(rs)).list();
    }

    Optional<Template> template(UUID id) {
        return jdbc.sql("select * from scheduling_template where id = :id").param("id", id)
                .query((rs, n) -> template(rs)).optional();
    }

    private static Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("department_code"), rs.getObject("practitioner_id", UUID.class),
                rs.getString("service_name"), rs.getInt("day_of_week"), Period.valueOf(rs.getString("period")),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                rs.getInt("slot_minutes"), rs.getInt("slot_capacity"),
                RegistrationType.valueOf(rs.getString("registration_type")), rs.getLong("fee_fen"),
                rs.getString("pool_shares"), rs.getBoolean("active"), rs.getString("room"));
    }

    // exceptions

    void insertException(Exception e, String by, Instant now) {
        jdbc.sql("""
                insert into scheduling_exception (id, organization_id, practitioner_id, off_date, reason, created_at,
                    created_by)
                values (:id, :org, :pid, :day, :reason, :now, :by)""")
                .param("id", e.id()).param("org", e.organizationId()).param("pid", e.practitionerId())
                .param("day", e.day()).param("reason", e.reason()).param("now", utc(now)).param("by", by).update();
    }

    List<Exception> exceptions(UUID organizationId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select * from scheduling_exception
                where (cast(:org as uuid) is null or organization_id = :org) and off_date between :from and :to
                order by off_date, organization_id""")
                .param("org", organizationId).param("from", from).param("to", to)
                .query((rs, n) -> new Exception(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                        rs.getObject("off_date", LocalDate.class), rs.getString("reason")))
                .list();
    }

    // sessions and slots

    boolean sessionExists(UUID templateId, LocalDate day) {
        return jdbc.sql("select count(*) from scheduling_session where template_id = :t and service_date = :d")
                .param("t", templateId).param("d", day).query(Long.class).single() > 0;
    }

    record NewSession(UUID id, Template template, LocalDate day, Instant startsAt, Instant endsAt,
            Instant releasesAt, Instant flowsBackAt) {
    }

    record NewSlot(UUID id, Instant startsAt, Instant endsAt, int capacity, Map<QuotaPool, Integer> pools) {
    }

    void insertSession(NewSession s, List<NewSlot> slots) {
        Template t = s.template();
        jdbc.sql("""
                insert into scheduling_session (id, template_id, organization_id, department_code, practitioner_id,
                    service_name, service_date, period, starts_at, ends_at, registration_type, fee_fen, releases_at,
                    flows_back_at, status, room)
                values (:id, :t, :org, :dept, :pid, :service, :day, :period, :starts, :ends, :type, :fee, :releases,
                    :flows, 'OPEN', :room)""")
                .param("id", s.id()).param("t", t.id()).param("org", t.organizationId())
                .param("dept", t.departmentCode()).param("pid", t.practitionerId()).param("service", t.serviceName())
                .param("day", s.day()).param("period", t.period().name()).param("starts", utc(s.startsAt()))
                .param("ends", utc(s.endsAt())).param("type", t.registrationType().name()).param("fee", t.feeFen())
                .param("releases", utc(s.releasesAt())).param("flows", utc(s.flowsBackAt())).param("room", t.room())
                .update();
        List<Object[]> slotRows = new ArrayList<>();
        List<Object[]> poolRows = new ArrayList<>();
        for (NewSlot slot : slots) {
            slotRows.add(new Object[] {slot.id(), s.id(), utc(slot.startsAt()), utc(slot.endsAt()), slot.capacity()});
            slot.pools().forEach((pool, capacity) -> poolRows.add(new Object[] {slot.id(), pool.name(), capacity}));
        }
        batch.batchUpdate("insert into scheduling_slot (id, session_id, starts_at, ends_at, capacity) "
                + "values (?, ?, ?, ?, ?)", slotRows);
        batch.batchUpdate("insert into scheduling_pool (slot_id, pool, capacity, booked) values (?, ?, ?, 0)",
                poolRows);
        listings.changed(s.day(), t.departmentCode());
    }

    private static final String SLOT_COLUMNS = """
            select s.id as slot_id, s.session_id, s.starts_at, s.ends_at, s.capacity, se.organization_id,
                se.department_code, se.practitioner_id, se.service_name, se.service_date, se.period, se.registration_type,
                se.fee_fen, se.releases_at, se.flows_back_at, se.status, p.pool, p.capacity as pool_capacity, p.booked
            """;
    private static final String SLOT_JOINS = """
            from scheduling_slot s
            join scheduling_session se on se.id = s.session_id
            join scheduling_pool p on p.slot_id = s.id
            """;
    private static final String SLOT_SELECT = SLOT_COLUMNS + SLOT_JOINS;

    /**
     * Slots of a day, filtered; {@code null} filters match everything. Ordered by start, then organisation. Served
     * from {@link SlotListings} while nothing on that day has changed (after writes of places only, with those slots'
     * places read again); the rows are shared, do not change them.
     */
    List<SlotRow> slots(LocalDate day, String departmentCode, UUID organizationId, UUID practitionerId) {
        return listings.get(new SlotListings.Key(day, departmentCode, organizationId, practitionerId),
                () -> querySlots(day, departmentCode, organizationId, practitionerId));
    }

    /** The pool rows of {@code slotIds}: {capacity, booked} per pool, per slot. */
    Map<UUID, Map<QuotaPool, int[]>> places(java.util.Collection<UUID> slotIds) {
        Map<UUID, Map<QuotaPool, int[]>> result = new java.util.HashMap<>();
        jdbc.sql("select slot_id, pool, capacity, booked from scheduling_pool where slot_id = any(:ids)")
                .param("ids", array("uuid", slotIds))
                .query(rs -> {
                    putPool(result, rs, null);
                });
        return result;
    }

    /**
     * Adds a row of {@code slot_id, pool, capacity, booked} to {@code pools} as {capacity, booked}, if it is one of
     * {@code wanted} (null: any).
     */
    private static void putPool(Map<UUID, Map<QuotaPool, int[]>> pools, ResultSet rs,
            java.util.Set<PoolKey> wanted) throws SQLException {
        UUID slot = rs.getObject(1, UUID.class);
        QuotaPool pool = QuotaPool.valueOf(rs.getString(2));
        if (wanted == null || wanted.contains(new PoolKey(slot, pool))) {
            pools.computeIfAbsent(slot, k -> new EnumMap<>(QuotaPool.class)).put(pool,
                    new int[] {rs.getInt(3), rs.getInt(4)});
        }
    }

    /**
     * {@code values} as one SQL array parameter (for {@code = any(:p)}) of the database's type {@code type}, freed
     * after the statement. A list expanded into {@code in (?, ?, …)} makes a different statement for every length,
     * which the JDBC driver never prepares and the database plans on every call (a batch's statements have 1 to 100
     * values); an array makes one statement, prepared once per connection and planned once.
     */
    static SqlArrayValue array(String type, java.util.Collection<?> values) {
        return new SqlArrayValue(type, values.toArray());
    }

    boolean listingsCached() {
        return listings.enabled();
    }

    private List<SlotRow> querySlots(LocalDate day, String departmentCode, UUID organizationId,
            UUID practitionerId) {
        return jdbc.sql(SLOT_SELECT + """
                where se.service_date = :day and (cast(:dept as varchar) is null or se.department_code = :dept)
                    and (cast(:org as uuid) is null or se.organization_id = :org)
                    and (cast(:pid as uuid) is null or se.practitioner_id = :pid)
                order by s.starts_at, se.organization_id, se.practitioner_id, s.id""")
                .param("day", day).param("dept", departmentCode).param("org", organizationId)
                .param("pid", practitionerId).query(Schedules::slotRows);
    }

    Optional<SlotRow> slot(UUID slotId) {
        return jdbc.sql(SLOT_SELECT + " where s.id = :id").param("id", slotId).query(Schedules::slotRows).stream()
                .findFirst();
    }

    /**
     * Slots from {@link #SLOT_SELECT} rows (one per pool, a slot's rows next to each other). A listing reads a few
     * hundred such rows, so each column is converted once: the session's columns once per session, the slot's once
     * per slot, and only the pool columns on every row.
     */
    private static List<SlotRow> slotRows(ResultSet rs) throws SQLException {
        return slotRowsAnd(rs, null);
    }

    /** As {@link #slotRows(ResultSet)}; with {@code earlier}, also the two columns after the slot's (any row's). */
    private static List<SlotRow> slotRowsAnd(ResultSet rs, String[] earlier) throws SQLException {
        List<SlotRow> slots = new ArrayList<>();
        Map<String, SlotRow> sessions = new java.util.HashMap<>();
        Map<String, SlotRow> seen = new java.util.HashMap<>();
        SlotRow current = null;
        String currentId = null;
        while (rs.next()) {
            String slotId = rs.getString(1);
            if (!slotId.equals(currentId)) {
                currentId = slotId;
                current = seen.get(slotId);
                if (current == null) {
                    String sessionId = rs.getString(2);
                    SlotRow se = sessions.get(sessionId);
                    if (se == null) {
                        se = new SlotRow(null, UUID.fromString(sessionId), null, null, 0,
                                rs.getObject(6, UUID.class), rs.getString(7), rs.getObject(8, UUID.class),
                                rs.getString(9), rs.getObject(10, LocalDate.class), Period.valueOf(rs.getString(11)),
                                RegistrationType.valueOf(rs.getString(12)), rs.getLong(13), instant(rs, 14),
                                instant(rs, 15), rs.getString(16), null);
                        sessions.put(sessionId, se);
                    }
                    current = new SlotRow(UUID.fromString(slotId), se.sessionId(), instant(rs, 3), instant(rs, 4),
                            rs.getInt(5), se.organizationId(), se.departmentCode(), se.practitionerId(),
                            se.serviceName(), se.day(), se.period(), se.registrationType(), se.feeFen(),
                            se.releasesAt(), se.flowsBackAt(), se.status(), new EnumMap<>(QuotaPool.class));
                    seen.put(slotId, current);
                    slots.add(current);
                }
            }
            current.pools().put(QuotaPool.valueOf(rs.getString(17)), new int[] {rs.getInt(18), rs.getInt(19)});
            if (earlier != null && earlier[0] == null) {
                earlier[0] = rs.getString(20);
                earlier[1] = rs.getString(21);
            }
        }
        return slots;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A session (出诊) as FHIR Schedule shows it. */
    record SessionRow(UUID id, UUID organizationId, String departmentCode, UUID practitionerId, String serviceName,
            LocalDate day, Period period, Instant startsAt, Instant endsAt, RegistrationType registrationType,
            String status, String room) {
    }

    private static SessionRow session(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("department_code"), rs.getObject("practitioner_id", UUID.class),
                rs.getString("service_name"), rs.getObject("service_date", LocalDate.class),
                Period.valueOf(rs.getString("period")), instant(rs, "starts_at"), instant(rs, "ends_at"),
                RegistrationType.valueOf(rs.getString("registration_type")), rs.getString("status"),
                rs.getString("room"));
    }

    Optional<SessionRow> session(UUID id) {
        return jdbc.sql("select * from scheduling_session where id = :id").param("id", id)
                .query((rs, n) -> session(rs)).optional();
    }

    /** Sessions in a date range, optionally of one practitioner or organisation; at most {@code limit}. */
    List<SessionRow> sessions(UUID practitionerId, UUID organizationId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                select * from scheduling_session
                where service_date between :from and :to
                    and (cast(:pid as uuid) is null or practitioner_id = :pid)
                    and (cast(:org as uuid) is null or organization_id = :org)
                order by starts_at, id limit :limit""")
                .param("from", from).param("to", to).param("pid", practitionerId).param("org", organizationId)
                .param("limit", limit).query((rs, n) -> session(rs)).list();
    }

    /**
     * What a booking reads first: the slot, or with {@code wholeSession} all the slots of its session (empty when
     * there is no such slot), and the caller's earlier request with the same Idempotency-Key ({@code earlier} null when
     * there is none, or no key, or when {@code keyChecked} is false: the key was not looked up).
     */
    record BookingRead(List<SlotRow> slots, AppointmentRecords.Idempotent earlier, boolean keyChecked) {
    }

    /**
     * The session of a slot seen before comes from {@link SlotListings#session} outside a transaction, without its
     * key (the booking's batch finds a key in use when it inserts it, and a refusal looks it up); otherwise one
     * statement reads the slot or its session and the key.
     */
    BookingRead forBooking(UUID slotId, boolean wholeSession, String actor, String key) {
        SlotListings.SlotHome home = listings.home(slotId);
        if (home != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            List<SlotRow> session = listings.session(home, () -> slotsOfSession(home.sessionId()));
            return new BookingRead(wholeSession ? session
                    : session.stream().filter(s -> s.slotId().equals(slotId)).toList(), null, false);
        }
        String[] earlier = new String[2];
        org.springframework.jdbc.core.ResultSetExtractor<List<SlotRow>> rows = rs -> slotRowsAnd(rs, earlier);
        List<SlotRow> slots = jdbc.sql(SLOT_COLUMNS + ", i.request_hash, i.appointment_id " + SLOT_JOINS
                + "left join scheduling_idempotency i on i.actor = :actor and i.idem_key = :key "
                + (wholeSession ? "where s.session_id = (select session_id from scheduling_slot where id = :id) "
                        + "order by s.starts_at, s.id" : "where s.id = :id"))
                .param("id", slotId).param("actor", actor).param("key", key)
                .query(rows);
        listings.remember(slots);
        return new BookingRead(slots, earlier[0] == null ? null
                : new AppointmentRecords.Idempotent(earlier[0], UUID.fromString(earlier[1])), true);
    }

    List<SlotRow> slotsOfSession(UUID sessionId) {
        return jdbc.sql(SLOT_SELECT + " where s.session_id = :id order by s.starts_at, s.id")
                .param("id", sessionId).query(Schedules::slotRows);
    }

    /** Stops an OPEN session (停诊) of {@code day}; false when it was not open. */
    boolean stopSession(UUID id, LocalDate day, String departmentCode, String reason) {
        boolean stopped = jdbc.sql("update scheduling_session set status = 'STOPPED', stop_reason = :r where id = :id "
                + "and status = 'OPEN'").param("r", reason).param("id", id).update() == 1;
        if (stopped) {
            listings.changed(day, departmentCode);
        }
        return stopped;
    }

    /**
     * Locks the pool rows of a session until the transaction ends. A stop-service calls it after marking the session
     * stopped and before ending its bookings: a booking that has taken a place holds its pool row until it commits,
     * so the stop waits for it and then finds its appointment; a booking that comes later sees the session stopped
     * when it inserts its appointment (see {@code AppointmentRecords.insertIfOpen}).
     */
    void lockPlaces(UUID sessionId) {
        jdbc.sql("""
                select p.slot_id from scheduling_pool p
                where p.slot_id in (select s.id from scheduling_slot s where s.session_id = :s)
                order by p.slot_id, p.pool for update""")
                .param("s", sessionId).query((rs, n) -> n).list();
    }

    /** Capacity and places taken per session of a day, for the scheduler's overview. */
    Map<UUID, int[]> occupancy(LocalDate day, UUID organizationId) {
        Map<UUID, int[]> result = new LinkedHashMap<>();
        jdbc.sql("""
                select s.session_id, sum(p.capacity) as capacity, sum(p.booked) as booked
                from scheduling_slot s join scheduling_pool p on p.slot_id = s.id
                join scheduling_session se on se.id = s.session_id
                where se.service_date = :day and (cast(:org as uuid) is null or se.organization_id = :org)
                group by s.session_id""")
                .param("day", day).param("org", organizationId)
                .query(rs -> {
                    result.put(rs.getObject(1, UUID.class), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return result;
    }

    List<SessionRow> sessionsOfDay(LocalDate day, UUID organizationId, String departmentCode) {
        return jdbc.sql("""
                select * from scheduling_session
                where service_date = :day and (cast(:org as uuid) is null or organization_id = :org)
                    and (cast(:dept as varchar) is null or department_code = :dept)
                order by starts_at, department_code, practitioner_id""")
                .param("day", day).param("org", organizationId).param("dept", departmentCode)
                .query((rs, n) -> session(rs)).list();
    }

    String stopReason(UUID sessionId) {
        return jdbc.sql("select stop_reason from scheduling_session where id = :id").param("id", sessionId)
                .query(String.class).optional().orElse(null);
    }

    /** Takes one place from a pool if it has one left: the database decides, so no place is sold twice. */
    boolean take(UUID slotId, LocalDate day, String departmentCode, QuotaPool pool) {
        boolean took = jdbc.sql("""
                update scheduling_pool set booked = booked + 1
                where slot_id = :s and pool = :p and booked < capacity""")
                .param("s", slotId).param("p", pool.name()).update() == 1;
        if (took) {
            listings.changed(day, departmentCode, List.of(slotId));
        }
        return took;
    }

    /**
     * Locks the pool rows {@code pools} until the transaction ends, in the
     * order {@link #lockPlaces} uses (so that batches and stop-services cannot deadlock), and returns them per slot as
     * {capacity, booked}.
     */
    Map<UUID, Map<QuotaPool, int[]>> lockPools(java.util.Collection<PoolKey> pools) {
        Map<UUID, Map<QuotaPool, int[]>> result = new LinkedHashMap<>();
        if (pools.isEmpty()) {
            return result;
        }
        // slots and pools as two lists, not one list of pairs: PostgreSQL plans a list of 100 pairs as 100 index
        // scans ORed together (2.4 ms to plan and 3.3 to run, against 0.2 and 0.4 for the two lists). When a batch
        // mixes channels this also locks a slot's pools that no booking of the batch takes from (they are left out
        // of the result), which only makes a concurrent booking on such a pool wait for the batch.
        java.util.Set<PoolKey> wanted = new java.util.HashSet<>(pools);
        jdbc.sql("""
                select slot_id, pool, capacity, booked from scheduling_pool where slot_id = any(:slots)
                    and pool = any(:pools)
                order by slot_id, pool for update""")
                .param("slots", array("uuid", pools.stream().map(PoolKey::slotId).distinct().toList()))
                .param("pools", array("varchar", pools.stream().map(p -> p.pool().name()).distinct().toList()))
                .query(rs -> {
                    putPool(result, rs, wanted);
                });
        return result;
    }

    /** The status of each session (OPEN, STOPPED …), read now (after the caller's locks). */
    Map<UUID, String> sessionStatuses(java.util.Collection<UUID> sessionIds) {
        Map<UUID, String> result = new java.util.HashMap<>();
        jdbc.sql("select id, status from scheduling_session where id = any(:s)").param("s", array("uuid", sessionIds))
                .query(rs -> {
                    result.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return result;
    }

    /** One slot's pool: a row of {@code scheduling_pool}. */
    record PoolKey(UUID slotId, QuotaPool pool) {
    }

    /** One slot's pool and how many places a batch takes from it. */
    record Taking(UUID slotId, LocalDate day, String departmentCode, QuotaPool pool, int places) {
    }

    /**
     * Takes places from pools whose rows the caller has locked ({@link #lockPools}) and counted, in one round trip;
     * throws when a pool has fewer places left than taken (which the lock rules out), so that the batch rolls back.
     */
    void takeAll(List<Taking> takings) {
        int[] counts = batch.batchUpdate("""
                update scheduling_pool set booked = booked + ?
                where slot_id = ? and pool = ? and booked + ? <= capacity""",
                takings.stream().map(t -> new Object[] {t.places(), t.slotId(), t.pool().name(), t.places()}).toList());
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("a pool of the batch had fewer places than counted");
            }
        }
        takings.stream().collect(java.util.stream.Collectors.groupingBy(t -> Map.entry(t.day(), t.departmentCode()),
                java.util.stream.Collectors.mapping(Taking::slotId, java.util.stream.Collectors.toSet())))
                .forEach((scope, slots) -> listings.changed(scope.getKey(), scope.getValue(), slots));
    }

    /** Gives a place back to the pool it was taken from. */
    void giveBack(UUID slotId, LocalDate day, String departmentCode, QuotaPool pool) {
        if (jdbc.sql("update scheduling_pool set booked = booked - 1 where slot_id = :s and pool = :p and booked > 0")
                .param("s", slotId).param("p", pool.name()).update() == 1) {
            listings.changed(day, departmentCode, List.of(slotId));
        }
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
