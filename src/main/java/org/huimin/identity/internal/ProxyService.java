package org.huimin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.identity.Relation;
import org.huimin.identity.ResidentStatus;
import org.huimin.notification.Channel;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.security.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family proxies (代办). An agent binds a relative: a child under 14 is bound to the guardian at once; an adult must
 * accept in their own app, or staff verify both people at a window. Either side can end a binding. A proxy carries
 * the permissions the relative agreed to; other modules ask {@link Proxies#mayActFor}.
 */
@Service
public class ProxyService implements Proxies {

    /** Children under this age are bound to a guardian without their confirmation. */
    static final int MINOR_AGE = 14;

    private final JdbcClient jdbc;
    private final ResidentRecords residents;
    private final AccountManagement accounts;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxRelatives;

    ProxyService(JdbcClient jdbc, ResidentRecords residents, AccountManagement accounts, Notifications notifications,
            AuditLog audit, Clock clock, @Value("${huimin.identity.proxy.max-relatives:6}") int maxRelatives) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.maxRelatives = maxRelatives;
    }

    public enum Status { PENDING, ACTIVE, DECLINED, ENDED }

    /** A binding as either side sees it; {@code residentId}/{@code name} is the other person. */
    public record Binding(UUID proxyId, UUID residentId, String name, Relation relation, Status status,
            Set<ProxyPermission> permissions, boolean minor, String verifiedBy, Instant createdAt,
            Instant confirmedAt) {
    }

    public int maxRelatives() {
        return maxRelatives;
    }

    /** The relatives an agent acts for (PENDING and ACTIVE). */
    @Transactional(readOnly = true)
    public List<Binding> relativesOf(UUID agent) {
        return list("agent_id", "principal_id", agent);
    }

    /** The people who act (or asked to act) for a principal. */
    @Transactional(readOnly = true)
    public List<Binding> proxiesFor(UUID principal) {
        return list("principal_id", "agent_id", principal);
    }

    private List<Binding> list(String self, String other, UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("select p.*, r.name, r.birth_date from identity_proxy p join identity_resident r on r.id = p."
                + other + " where p." + self + " = :id and p.status in ('PENDING', 'ACTIVE') order by p.created_at")
                .param("id", id)
                .query((rs, n) -> new Binding(rs.getObject("id", UUID.class), rs.getObject(other, UUID.class),
                        rs.getString("name"), Relation.valueOf(rs.getString("relation")),
                        Status.valueOf(rs.getString("status")), permissions(rs.getString("permissions")),
                        isMinor(rs.getObject("birth_date", java.time.LocalDate.class), now),
                        rs.getString("verified_by"), ResidentRecords.instant(rs, "created_at"),
                        ResidentRecords.instant(rs, "confirmed_at")))
                .list();
    }

    static boolean isMinor(java.time.LocalDate birth, Instant now) {
        return birth.plusYears(MINOR_AGE).isAfter(java.time.LocalDate.ofInstant(now, ResidentRow.CHINA));
    }

    /**
     * A resident binds a relative by ID number and name. A child under 14 unknown to the index is indexed now (the
     * guardian vouches for the child's name); an adult must already be a resident.
     */
    @Transactional
    public Binding bind(UUID agent, String idNumber, String name, Relation relation, Set<ProxyPermission> wanted,
            Locale locale) {
        ResidentIdNumber id = ResidentIdNumber.parse(idNumber)
                .orElseThrow(() -> ProblemException.invalid("idNumber", "idnumber.invalid"));
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("name", "validation.required");
        }
        if (relation == null) {
            throw ProblemException.invalid("relation", "validation.required");
        }
        Instant now = clock.instant();
        boolean minor = isMinor(id.birthDate(), now);
        Optional<UUID> known = residents.idByIdNumber(id.value());
        UUID principal;
        if (known.isPresent()) {
            ResidentRow row = residents.effective(known.get()).orElseThrow();
            if (!row.name().equals(name.strip())) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "relative-not-found", "problem.relative-not-found");
            }
            principal = row.id();
        } else if (minor) {
            principal = UUID.randomUUID();
            residents.insert(new ResidentRecords.Insert(principal, id.value(), name.strip(), id.sex(), id.birthDate(),
                    null, id.addressCode(), null, ResidentStatus.ACTIVE), now);
        } else {
            throw new ProblemException(HttpStatus.NOT_FOUND, "relative-not-found", "problem.relative-not-found");
        }
        Set<ProxyPermission> permissions = minor || wanted == null || wanted.isEmpty()
                ? EnumSet.allOf(ProxyPermission.class) : EnumSet.copyOf(wanted);
        Status status = minor ? Status.ACTIVE : Status.PENDING;
        Binding b = insert(agent, principal, relation, status, permissions, minor ? "GUARDIAN" : null, now);
        if (!minor) {
            ResidentRow agentRow = residents.byId(agent).orElseThrow();
            accounts.findByResident(principal).ifPresent(a -> notify(a, "proxy-request", Map.of("name",
                    agentRow.name()), locale));
        }
        return b;
    }

    /** Staff at a window have seen both people (and the adult's consent): the binding is ACTIVE at once. */
    @Transactional
    public Binding bindAtWindow(UUID agent, UUID principal, Relation relation, Set<ProxyPermission> wanted) {
        ResidentRow a = residents.effective(agent).orElseThrow(() -> ProblemException.notFound("resident", agent));
        ResidentRow p = residents.effective(principal)
                .orElseThrow(() -> ProblemException.notFound("resident", principal));
        Set<ProxyPermission> permissions = wanted == null || wanted.isEmpty()
                ? EnumSet.allOf(ProxyPermission.class) : EnumSet.copyOf(wanted);
        return insert(a.id(), p.id(), relation, Status.ACTIVE, permissions, "WINDOW", clock.instant());
    }

    @Override
    @Transactional
    public UUID bindVerified(UUID agent, UUID principal, Relation relation, Set<ProxyPermission> permissions) {
        return bindAtWindow(agent, principal, relation, permissions).proxyId();
    }

    private Binding insert(UUID agent, UUID principal, Relation relation, Status status,
            Set<ProxyPermission> permissions, String verifiedBy, Instant now) {
        if (agent.equals(principal)) {
            throw ProblemException.invalid("idNumber", "identity.proxy-self");
        }
        residents.lock(agent); // serialises bindings by one agent, so the limit holds under concurrency
        long open = jdbc.sql("select count(*) from identity_proxy where agent_id = :a and status in ('PENDING', 'ACTIVE')")
                .param("a", agent).query(Long.class).single();
        if (open >= maxRelatives) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "proxy-limit", "problem.proxy-limit",
                    maxRelatives);
        }
        String openKey = agent + ":" + principal;
        if (jdbc.sql("select count(*) from identity_proxy where open_key = :k").param("k", openKey).query(Long.class)
                .single() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "proxy-exists", "problem.proxy-exists");
        }
        UUID id = UUID.randomUUID();
        String actor = CurrentActor.get().username();
        jdbc.sql("""
                insert into identity_proxy (id, agent_id, principal_id, relation, status, permissions, verified_by,
                    open_key, created_at, created_by, confirmed_at)
                values (:id, :a, :p, :rel, :s, :perm, :v, :k, :now, :by, :confirmed)""")
                .param("id", id).param("a", agent).param("p", principal).param("rel", relation.name())
                .param("s", status.name()).param("perm", text(permissions)).param("v", verifiedBy).param("k", openKey)
                .param("now", ResidentRecords.utc(now)).param("by", actor)
                .param("confirmed", status == Status.ACTIVE ? ResidentRecords.utc(now) : null).update();
        audit.record(AuditEvent.byCurrentActor("PROXY_BIND", "RelatedPerson", id.toString(), Outcome.SUCCESS)
                .withPurpose("IDENTITY").withActingFor(principal.toString())
                .withDetail(relation + " " + status + (verifiedBy == null ? "" : " " + verifiedBy)));
        ResidentRow p = residents.byId(principal).orElseThrow();
        return new Binding(id, principal, p.name(), relation, status, permissions, isMinor(p.birthDate(), now),
                verifiedBy, now, status == Status.ACTIVE ? now : null);
    }

    /** The principal accepts or declines a PENDING request. */
    @Transactional
    public void answer(UUID principal, UUID proxyId, boolean accept, Locale locale) {
        Map<String, Object> row = lockRow(proxyId);
        if (!principal.equals(row.get("principal_id"))) {
            throw ProblemException.notFound("proxy", proxyId);
        }
        if (!Status.PENDING.name().equals(row.get("status"))) {
            throw new ProblemException(HttpStatus.CONFLICT, "proxy-answered", "problem.proxy-answered");
        }
        Instant now = clock.instant();
        jdbc.sql("update identity_proxy set status = :s, verified_by = :v, confirmed_at = :now, open_key = :k, "
                + "ended_at = :ended where id = :id")
                .param("s", accept ? Status.ACTIVE.name() : Status.DECLINED.name())
                .param("v", accept ? "SELF" : null).param("now", accept ? ResidentRecords.utc(now) : null)
                .param("k", accept ? row.get("open_key") : null)
                .param("ended", accept ? null : ResidentRecords.utc(now)).param("id", proxyId).update();
        audit.record(AuditEvent.byCurrentActor(accept ? "PROXY_ACCEPT" : "PROXY_DECLINE", "RelatedPerson",
                proxyId.toString(), Outcome.SUCCESS).withPurpose("IDENTITY"));
        UUID agent = (UUID) row.get("agent_id");
        ResidentRow principalRow = residents.byId(principal).orElseThrow();
        accounts.findByResident(agent).ifPresent(a -> notify(a, accept ? "proxy-accepted" : "proxy-declined",
                Map.of("name", principalRow.name()), locale));
    }

    /** Either side ends a binding (unbind, withdraw a request, or revoke a proxy). */
    @Transactional
    public void end(UUID residentId, UUID proxyId) {
        Map<String, Object> row = lockRow(proxyId);
        if (!residentId.equals(row.get("agent_id")) && !residentId.equals(row.get("principal_id"))) {
            throw ProblemException.notFound("proxy", proxyId);
        }
        String status = (String) row.get("status");
        if (!Status.PENDING.name().equals(status) && !Status.ACTIVE.name().equals(status)) {
            throw new ProblemException(HttpStatus.CONFLICT, "proxy-ended", "problem.proxy-ended");
        }
        jdbc.sql("update identity_proxy set status = 'ENDED', open_key = null, ended_at = :now, ended_by = :by "
                + "where id = :id").param("now", ResidentRecords.utc(clock.instant()))
                .param("by", CurrentActor.get().username()).param("id", proxyId).update();
        audit.record(AuditEvent.byCurrentActor("PROXY_END", "RelatedPerson", proxyId.toString(), Outcome.SUCCESS)
                .withPurpose("IDENTITY"));
    }

    private Map<String, Object> lockRow(UUID proxyId) {
        return jdbc.sql("select * from identity_proxy where id = :id for update").param("id", proxyId).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> ProblemException.notFound("proxy", proxyId));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayActFor(UUID agent, UUID principal, ProxyPermission permission) {
        return permissions(agent, principal).contains(permission);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<ProxyPermission> permissions(UUID agent, UUID principal) {
        if (agent == null || principal == null) {
            return Set.of();
        }
        return jdbc.sql("select permissions from identity_proxy where agent_id = :a and principal_id = :p "
                + "and status = 'ACTIVE'").param("a", agent).param("p", principal).query(String.class).optional()
                .map(ProxyService::permissions).orElse(Set.of());
    }

    private void notify(AccountSummary account, String template, Map<String, String> params, Locale locale) {
        notifications.send(new Notify(account.id(), null, template, params, Set.of(Channel.IN_APP), locale));
    }

    static Set<ProxyPermission> permissions(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(ProxyPermission::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProxyPermission.class)));
    }

    static String text(Set<ProxyPermission> permissions) {
        return permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
