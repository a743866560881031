package org.huimin.scheduling.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.scheduling.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Waitlist entries (候补) on JDBC. */
@Repository
class WaitlistRecords {

    enum Status { WAITING, FILLED, SKIPPED, CANCELLED, EXPIRED }

    record Entry(UUID id, UUID sessionId, UUID residentId, Channel channel, String requestedBy, Status status,
            UUID appointmentId, String note, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    WaitlistRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Entry e) {
        jdbc.sql("""
                insert into scheduling_waitlist (id, session_id, resident_id, channel, requested_by, status,
                    active_key, created_at, updated_at)
                values (:id, :session, :resident, :channel, :by, 'WAITING', :key, :now, :now)""")
                .param("id", e.id()).param("session", e.sessionId()).param("resident", e.residentId())
                .param("channel", e.channel().name()).param("by", e.requestedBy())
                .param("key", e.sessionId() + "|" + e.residentId()).param("now", Schedules.utc(e.createdAt()))
                .update();
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql("select * from scheduling_waitlist where id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    /** The waiting entries of a session, first come first served. */
    List<Entry> waiting(UUID sessionId) {
        return jdbc.sql("""
                select * from scheduling_waitlist where session_id = :s and status = 'WAITING'
                order by created_at, id""").param("s", sessionId).query((rs, n) -> map(rs)).list();
    }

    List<Entry> ofResident(UUID residentId) {
        return jdbc.sql("select * from scheduling_waitlist where resident_id = :r order by created_at desc limit 100")
                .param("r", residentId).query((rs, n) -> map(rs)).list();
    }

    /** 1-based place of a WAITING entry in its session's queue. */
    long position(Entry e) {
        // compared with the stored time (the database keeps microseconds), not the one in memory
        return jdbc.sql("""
                select count(*) from scheduling_waitlist w, scheduling_waitlist me
                where me.id = :id and w.session_id = me.session_id and w.status = 'WAITING'
                    and (w.created_at < me.created_at or (w.created_at = me.created_at and w.id <= me.id))""")
                .param("id", e.id()).query(Long.class).single();
    }

    long waitingCount(UUID sessionId) {
        return jdbc.sql("select count(*) from scheduling_waitlist where session_id = :s and status = 'WAITING'")
                .param("s", sessionId).query(Long.class).single();
    }

    /** Ends a WAITING entry; false when it was no longer waiting. */
    boolean end(UUID id, Status status, UUID appointmentId, String note, Instant now) {
        return jdbc.sql("""
                update scheduling_waitlist set status = :status, appointment_id = :a, note = :note, active_key = null,
                    updated_at = :now
                where id = :id and status = 'WAITING'""")
                .param("status", status.name()).param("a", appointmentId).param("note", note)
                .param("now", Schedules.utc(now)).param("id", id).update() == 1;
    }

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("resident_id", UUID.class), Channel.valueOf(rs.getString("channel")),
                rs.getString("requested_by"), Status.valueOf(rs.getString("status")),
                rs.getObject("appointment_id", UUID.class), rs.getString("note"), Schedules.instant(rs, "created_at"));
    }
}
