package org.huimin.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queue tickets (候诊) on JDBC. */
@Repository
class QueueRecords {

    /** Why a ticket goes ahead: elderly (70+), disabled, a same-day revisit, a recalled ticket, or none. */
    enum Priority {
        ELDERLY, DISABLED, REVISIT, RECALLED, NORMAL;

        boolean ahead() {
            return this != NORMAL;
        }
    }

    enum Status { WAITING, CALLED, SKIPPED, DONE }

    record Ticket(UUID id, UUID sessionId, UUID appointmentId, UUID residentId, int number, Priority priority,
            Status status, Instant checkedInAt, Instant calledAt) {
    }

    /** Calling order: priority tickets first, then by number. */
    private static final String ORDER = "case when priority = 'NORMAL' then 1 else 0 end, number";

    private final JdbcClient jdbc;

    QueueRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises check-ins and calls of one session until the transaction ends. */
    void lockSession(UUID sessionId) {
        jdbc.sql("select id from scheduling_session where id = :id for update").param("id", sessionId)
                .query((rs, n) -> n).list();
    }

    int nextNumber(UUID sessionId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from scheduling_queue_ticket where session_id = :s")
                .param("s", sessionId).query(Integer.class).single();
    }

    void insert(Ticket t) {
        jdbc.sql("""
                insert into scheduling_queue_ticket (id, session_id, appointment_id, resident_id, number, priority,
                    status, checked_in_at)
                values (:id, :s, :a, :r, :n, :p, 'WAITING', :at)""")
                .param("id", t.id()).param("s", t.sessionId()).param("a", t.appointmentId())
                .param("r", t.residentId()).param("n", t.number()).param("p", t.priority().name())
                .param("at", Schedules.utc(t.checkedInAt())).update();
    }

    /** The session's tickets in calling order: the one called now, the waiting, the skipped, then the done. */
    List<Ticket> ofSession(UUID sessionId) {
        return jdbc.sql("""
                select * from scheduling_queue_ticket where session_id = :s
                order by case status when 'CALLED' then 0 when 'WAITING' then 1 when 'SKIPPED' then 2 else 3 end, """
                + ORDER).param("s", sessionId).query((rs, n) -> map(rs)).list();
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("select * from scheduling_queue_ticket where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** A resident's tickets checked in since {@code since}. */
    List<Ticket> ofResident(UUID residentId, Instant since) {
        return jdbc.sql("""
                select * from scheduling_queue_ticket where resident_id = :r and checked_in_at >= :since
                order by checked_in_at desc""")
                .param("r", residentId).param("since", Schedules.utc(since)).query((rs, n) -> map(rs)).list();
    }

    /** Waiting tickets that will be called before {@code t}. */
    long ahead(Ticket t) {
        return jdbc.sql("""
                select count(*) from scheduling_queue_ticket
                where session_id = :s and status = 'WAITING'
                    and (case when priority = 'NORMAL' then 1 else 0 end < :rank
                        or (case when priority = 'NORMAL' then 1 else 0 end = :rank and number < :n))""")
                .param("s", t.sessionId()).param("rank", t.priority().ahead() ? 0 : 1).param("n", t.number())
                .query(Long.class).single();
    }

    boolean move(UUID id, Status from, Status to, Instant now) {
        String at = to == Status.CALLED ? "called_at" : "finished_at";
        return jdbc.sql("update scheduling_queue_ticket set status = :to, " + at + " = :now where id = :id and "
                + "status = :from").param("to", to.name()).param("now", Schedules.utc(now)).param("id", id)
                .param("from", from.name()).update() == 1;
    }

    void requeue(UUID id) {
        jdbc.sql("update scheduling_queue_ticket set status = 'WAITING', priority = 'RECALLED', called_at = null "
                + "where id = :id").param("id", id).update();
    }

    /** Did the resident finish a visit today in this organisation and department (a same-day revisit)? */
    boolean visitedToday(UUID residentId, UUID organizationId, String departmentCode, LocalDate day) {
        return jdbc.sql("""
                select count(*) from scheduling_appointment
                where resident_id = :r and organization_id = :o and department_code = :d and service_date = :day
                    and status = 'COMPLETED'""")
                .param("r", residentId).param("o", organizationId).param("d", departmentCode).param("day", day)
                .query(Long.class).single() > 0;
    }

    private static Ticket map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), rs.getObject("resident_id", UUID.class),
                rs.getInt("number"), Priority.valueOf(rs.getString("priority")), Status.valueOf(rs.getString("status")),
                Schedules.instant(rs, "checked_in_at"), Schedules.instant(rs, "called_at"));
    }
}
