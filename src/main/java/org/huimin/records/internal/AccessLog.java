package org.huimin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.huimin.records.AccessBasis;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who read a resident's record (调阅记录): written with every read by someone other than the resident. */
@Repository
public class AccessLog {

    /** One line of the resident's access log. */
    public record Entry(Instant at, String actor, String actorName, String role, UUID practitionerId,
            String practitionerName, UUID organizationId, String organizationName, String purpose, AccessBasis basis,
            String action, String resourceType, int count, String outcome, UUID breakGlassId) {
    }

    record Line(UUID residentId, String actor, String role, UUID practitionerId, UUID organizationId, String purpose,
            AccessBasis basis, String action, String resourceType, int count, String outcome, UUID breakGlassId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Names names;

    AccessLog(JdbcClient jdbc, Clock clock, Names names) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
    }

    void write(Line l) {
        jdbc.sql("""
                insert into rec_access_log (id, resident_id, occurred_at, actor, role, practitioner_id,
                    organization_id, purpose, basis, action, resource_type, item_count, outcome, break_glass_id)
                values (:id, :r, :at, :actor, :role, :p, :o, :purpose, :basis, :action, :type, :n, :outcome, :bg)""")
                .param("id", UUID.randomUUID()).param("r", l.residentId()).param("at", ResourceStore.utc(clock.instant()))
                .param("actor", l.actor()).param("role", l.role()).param("p", l.practitionerId())
                .param("o", l.organizationId()).param("purpose", l.purpose())
                .param("basis", l.basis() == null ? null : l.basis().name()).param("action", l.action())
                .param("type", l.resourceType()).param("n", l.count()).param("outcome", l.outcome())
                .param("bg", l.breakGlassId()).update();
    }

    public PageResult<Entry> of(UUID residentId, PageRequest page) {
        long total = jdbc.sql("select count(*) from rec_access_log where resident_id = :r").param("r", residentId)
                .query(Long.class).single();
        var items = jdbc.sql("""
                select occurred_at, actor, role, practitioner_id, organization_id, purpose, basis, action,
                    resource_type, item_count, outcome, break_glass_id
                from rec_access_log where resident_id = :r order by occurred_at desc, id
                offset %d rows fetch next %d rows only""".formatted(page.offset(), page.size()))
                .param("r", residentId)
                .query((rs, n) -> {
                    UUID p = rs.getObject(4, UUID.class);
                    UUID o = rs.getObject(5, UUID.class);
                    String practitionerName = names.practitionerName(p);
                    String organizationName = names.organizationName(o);
                    String basis = rs.getString(7);
                    return new Entry(ResourceStore.instant(rs.getTimestamp(1)), rs.getString(2),
                            practitionerName != null ? practitionerName : organizationName, rs.getString(3), p,
                            practitionerName, o, organizationName, rs.getString(6),
                            basis == null ? null : AccessBasis.valueOf(basis), rs.getString(8), rs.getString(9),
                            rs.getInt(10), rs.getString(11), rs.getObject(12, UUID.class));
                }).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    int readsUnder(UUID breakGlassId) {
        return jdbc.sql("select count(*) from rec_access_log where break_glass_id = :id and outcome = 'SUCCESS'")
                .param("id", breakGlassId).query(Integer.class).single();
    }
}
