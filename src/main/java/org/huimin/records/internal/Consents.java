package org.huimin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.records.ConsentCategory;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consents (授权): a resident — or a proxy holding READ_RECORDS for them — lets an institution or a practitioner read
 * their record, for the categories named (everything but the sensitive categories when none are), until an optional
 * expiry. Revoking takes effect at once. Grants and revocations are audited.
 */
@Service
public class Consents {

    public enum GranteeType { ORGANIZATION, PRACTITIONER }

    public enum Status { ACTIVE, REVOKED, EXPIRED }

    /** A consent as the resident's screens show it. */
    public record ConsentView(UUID consentId, UUID residentId, GranteeType granteeType, UUID granteeId,
            String granteeName, List<ConsentCategory> categories, Instant expiresAt, Instant createdAt, Status status,
            Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Proxies proxies;
    private final Names names;
    private final AuditLog audit;

    Consents(JdbcClient jdbc, Clock clock, Proxies proxies, Names names, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.proxies = proxies;
        this.names = names;
        this.audit = audit;
    }

    @Transactional
    public ConsentView grant(UUID residentId, GranteeType type, UUID granteeId, Set<ConsentCategory> categories,
            Instant expiresAt) {
        UUID resident = principal(residentId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new ProblemException.FieldProblem("granteeType", "validation.required"));
        }
        if (granteeId == null) {
            problems.add(new ProblemException.FieldProblem("granteeId", "validation.required"));
        } else if (type == GranteeType.ORGANIZATION && names.organization(granteeId).isEmpty()
                || type == GranteeType.PRACTITIONER && names.practitioner(granteeId).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("granteeId", "records.grantee-unknown"));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add(new ProblemException.FieldProblem("expiresAt", "validation.future"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Set<ConsentCategory> cats = categories == null || categories.isEmpty() ? ConsentCategory.DEFAULT
                : EnumSet.copyOf(categories);
        UUID id = UUID.randomUUID();
        Actor actor = CurrentActor.get();
        jdbc.sql("""
                insert into rec_consent (id, resident_id, grantee_type, grantee_id, categories, expires_at, created_at,
                    created_by) values (:id, :r, :t, :g, :c, :exp, :now, :by)""")
                .param("id", id).param("r", resident).param("t", type.name()).param("g", granteeId)
                .param("c", join(cats)).param("exp", ResourceStore.utc(expiresAt)).param("now", ResourceStore.utc(now))
                .param("by", actor.username()).update();
        audit.record(event("CONSENT_GRANT", id, resident, actor).withDetail(type + " " + granteeId + " " + join(cats)
                + (expiresAt == null ? "" : " until " + expiresAt)));
        return find(id).orElseThrow();
    }

    @Transactional
    public void revoke(UUID consentId) {
        ConsentView c = find(consentId).orElseThrow(() -> ProblemException.notFound("consent", consentId));
        Actor actor = CurrentActor.get();
        if (!mayManage(actor, c.residentId())) {
            throw ProblemException.notFound("consent", consentId);
        }
        if (c.revokedAt() != null) {
            return;
        }
        jdbc.sql("update rec_consent set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", ResourceStore.utc(clock.instant())).param("by", actor.username()).param("id", consentId)
                .update();
        audit.record(event("CONSENT_REVOKE", consentId, c.residentId(), actor));
    }

    @Transactional(readOnly = true)
    public List<ConsentView> of(UUID residentId) {
        UUID resident = principal(residentId);
        return jdbc.sql(SELECT + " where resident_id = :r order by case when revoked_at is null then 0 else 1 end, "
                + "created_at desc").param("r", resident).query(this::view).list()
                .stream().sorted(java.util.Comparator.comparing((ConsentView v) -> v.status().ordinal())).toList();
    }

    /**
     * The categories an active consent of the resident shares with this institution or practitioner; empty when
     * there is none.
     */
    @Transactional(readOnly = true)
    Set<ConsentCategory> activeFor(UUID residentId, UUID organizationId, UUID practitionerId) {
        if (organizationId == null && practitionerId == null) {
            return Set.of();
        }
        Set<ConsentCategory> out = EnumSet.noneOf(ConsentCategory.class);
        jdbc.sql("""
                select categories from rec_consent
                where resident_id = :r and revoked_at is null and (expires_at is null or expires_at > :now)
                  and ((grantee_type = 'ORGANIZATION' and grantee_id = :o)
                       or (grantee_type = 'PRACTITIONER' and grantee_id = :p))""")
                .param("r", residentId).param("o", organizationId).param("p", practitionerId)
                .param("now", ResourceStore.utc(clock.instant()))
                .query(String.class).list().forEach(c -> out.addAll(split(c)));
        return out;
    }

    /** Residents who have an active consent for this institution or practitioner. */
    List<UUID> residentsFor(UUID organizationId, UUID practitionerId, int limit) {
        return jdbc.sql("""
                select resident_id, max(created_at) latest from rec_consent
                where revoked_at is null and (expires_at is null or expires_at > :now)
                  and ((grantee_type = 'ORGANIZATION' and grantee_id = :o)
                       or (grantee_type = 'PRACTITIONER' and grantee_id = :p))
                group by resident_id order by latest desc fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("o", organizationId).param("p", practitionerId).param("now", ResourceStore.utc(clock.instant()))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    private static final String SELECT = """
            select id, resident_id, grantee_type, grantee_id, categories, expires_at, created_at, revoked_at
            from rec_consent""";

    private java.util.Optional<ConsentView> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::view).optional();
    }

    private ConsentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        GranteeType type = GranteeType.valueOf(rs.getString(3));
        UUID grantee = rs.getObject(4, UUID.class);
        Instant expires = ResourceStore.instant(rs.getTimestamp(6));
        Instant revoked = ResourceStore.instant(rs.getTimestamp(8));
        Status status = revoked != null ? Status.REVOKED
                : expires != null && !expires.isAfter(clock.instant()) ? Status.EXPIRED : Status.ACTIVE;
        String name = type == GranteeType.ORGANIZATION ? names.organizationName(grantee)
                : names.practitionerName(grantee);
        return new ConsentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), type, grantee, name,
                List.copyOf(split(rs.getString(5))), expires, ResourceStore.instant(rs.getTimestamp(7)), status,
                revoked);
    }

    /**
     * The resident whose consents and access log the caller manages: themself ({@code residentId} null), or a
     * relative they hold READ_RECORDS for; 403 otherwise.
     */
    public UUID principal(UUID residentId) {
        Actor actor = CurrentActor.get();
        if (actor.residentId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        UUID resident = residentId == null ? actor.residentId() : residentId;
        if (!mayManage(actor, resident)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-a-proxy", "records.not-a-proxy");
        }
        return resident;
    }

    private boolean mayManage(Actor actor, UUID resident) {
        return actor.residentId() != null && (actor.residentId().equals(resident)
                || proxies.mayActFor(actor.residentId(), resident, ProxyPermission.READ_RECORDS));
    }

    private static AuditEvent event(String action, UUID consentId, UUID resident, Actor actor) {
        AuditEvent e = AuditEvent.byCurrentActor(action, "Consent", consentId.toString(), Outcome.SUCCESS)
                .withPurpose("CONSENT");
        return actor.residentId() != null && !actor.residentId().equals(resident)
                ? e.withActingFor(resident.toString()) : e;
    }

    static String join(Set<ConsentCategory> cats) {
        return String.join(",", cats.stream().sorted().map(Enum::name).toList());
    }

    static Set<ConsentCategory> split(String s) {
        Set<ConsentCategory> out = new LinkedHashSet<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    out.add(ConsentCategory.valueOf(p.strip()));
                }
            }
        }
        return out;
    }
}
