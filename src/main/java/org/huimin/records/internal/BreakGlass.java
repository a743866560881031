package org.huimin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ResidentSummary;
import org.huimin.identity.Residents;
import org.huimin.shared.Masking;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency access (紧急调阅, break-glass): a clinician without a care relationship or consent states a reason and
 * reads the whole record for a limited time. Every grant is audited and waits on the auditor's review list until it is
 * judged justified or not.
 */
@Service
public class BreakGlass {

    public enum Status { PENDING, REVIEWED }

    public enum Decision { JUSTIFIED, UNJUSTIFIED }

    public record Granted(UUID breakGlassId, Instant expiresAt) {
    }

    /** A grant as the auditor's review list shows it. */
    public record Item(UUID id, UUID residentId, String residentName, String actor, String actorName,
            UUID organizationId, String organizationName, String reason, Instant grantedAt, Instant expiresAt,
            int reads, Status status, Decision decision, String reviewNote, String reviewedBy, Instant reviewedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecordsProperties properties;
    private final Residents residents;
    private final AuditLog audit;
    private final Names names;
    private final AccessLog accessLog;

    BreakGlass(JdbcClient jdbc, Clock clock, RecordsProperties properties, Residents residents, AuditLog audit,
            Names names, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.residents = residents;
        this.audit = audit;
        this.names = names;
        this.accessLog = accessLog;
    }

    @Transactional
    public Granted request(UUID residentId, String reason) {
        Actor actor = CurrentActor.get();
        if (!RecordAccess.clinician(actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) < properties.breakGlassReasonMin()) {
            throw ProblemException.invalid("reason", "records.reason-too-short", properties.breakGlassReasonMin());
        }
        if (why.length() > 1000) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        UUID resident = residents.effectiveId(residentId)
                .orElseThrow(() -> ProblemException.notFound("resident", residentId));
        Instant now = clock.instant();
        Instant until = now.plus(properties.breakGlassDuration());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into rec_break_glass (id, resident_id, actor, account_id, practitioner_id, organization_id,
                    reason, granted_at, expires_at, status)
                values (:id, :r, :actor, :acc, :p, :o, :reason, :now, :until, 'PENDING')""")
                .param("id", id).param("r", resident).param("actor", actor.username()).param("acc", actor.accountId())
                .param("p", actor.practitionerId()).param("o", actor.organizationId()).param("reason", why)
                .param("now", ResourceStore.utc(now)).param("until", ResourceStore.utc(until)).update();
        audit.record(AuditEvent.byCurrentActor("BREAK_GLASS", "Patient", resident.toString(), Outcome.SUCCESS)
                .withPurpose("EMERGENCY").withDetail("grant " + id + " until " + until));
        return new Granted(id, until);
    }

    /** The caller's active grant for this resident, if any. */
    Optional<Granted> active(UUID residentId, String actor) {
        return jdbc.sql("""
                select id, expires_at from rec_break_glass
                where resident_id = :r and actor = :a and expires_at > :now order by expires_at desc
                fetch first 1 rows only""")
                .param("r", residentId).param("a", actor).param("now", ResourceStore.utc(clock.instant()))
                .query((rs, n) -> new Granted(rs.getObject(1, UUID.class), ResourceStore.instant(rs.getTimestamp(2))))
                .optional();
    }

    @Transactional(readOnly = true)
    public PageResult<Item> list(Status status, PageRequest page) {
        requireAuditor();
        String where = status == null ? "" : " where status = '" + status.name() + "'";
        long total = jdbc.sql("select count(*) from rec_break_glass" + where).query(Long.class).single();
        var items = jdbc.sql(SELECT + where + " order by granted_at desc, id offset %d rows fetch next %d rows only"
                .formatted(page.offset(), page.size())).query(this::item).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional
    public Item review(UUID id, Decision decision, String note) {
        Actor actor = requireAuditor();
        if (decision == null) {
            throw ProblemException.invalid("decision", "validation.required");
        }
        String text = note == null ? null : note.strip();
        if (decision == Decision.UNJUSTIFIED && (text == null || text.isEmpty())) {
            throw ProblemException.invalid("note", "validation.required");
        }
        if (text != null && text.length() > 1000) {
            throw ProblemException.invalid("note", "validation.too-long");
        }
        int updated = jdbc.sql("""
                update rec_break_glass set status = 'REVIEWED', decision = :d, review_note = :note, reviewed_by = :by,
                    reviewed_at = :now where id = :id and status = 'PENDING'""")
                .param("d", decision.name()).param("note", text).param("by", actor.username())
                .param("now", ResourceStore.utc(clock.instant())).param("id", id).update();
        if (updated == 0) {
            Item existing = find(id).orElseThrow(() -> ProblemException.notFound("break-glass", id));
            throw new ProblemException(HttpStatus.CONFLICT, "already-reviewed", "records.already-reviewed",
                    existing.reviewedBy());
        }
        audit.record(AuditEvent.byCurrentActor("BREAK_GLASS_REVIEW", "BreakGlass", id.toString(), Outcome.SUCCESS)
                .withPurpose("AUDIT").withDetail(decision.name()));
        return find(id).orElseThrow();
    }

    private Optional<Item> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::item).optional();
    }

    private static final String SELECT = """
            select id, resident_id, actor, practitioner_id, organization_id, reason, granted_at, expires_at, status,
                decision, review_note, reviewed_by, reviewed_at from rec_break_glass""";

    private Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        UUID resident = rs.getObject(2, UUID.class);
        UUID practitioner = rs.getObject(4, UUID.class);
        UUID org = rs.getObject(5, UUID.class);
        String residentName = residents.find(resident).map(ResidentSummary::name).map(Masking::name).orElse(null);
        String practitionerName = names.practitionerName(practitioner);
        String decision = rs.getString(10);
        return new Item(id, resident, residentName, rs.getString(3),
                practitionerName != null ? practitionerName : rs.getString(3), org, names.organizationName(org),
                rs.getString(6), ResourceStore.instant(rs.getTimestamp(7)), ResourceStore.instant(rs.getTimestamp(8)),
                accessLog.readsUnder(id), Status.valueOf(rs.getString(9)),
                decision == null ? null : Decision.valueOf(decision), rs.getString(11), rs.getString(12),
                ResourceStore.instant(rs.getTimestamp(13)));
    }

    private static Actor requireAuditor() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.AUDITOR)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        return actor;
    }
}
