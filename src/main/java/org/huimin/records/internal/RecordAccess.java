package org.huimin.records.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.records.AccessBasis;
import org.huimin.records.CareRelationships;
import org.huimin.records.ConsentCategory;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Who may read a resident's record, and the trace every read leaves. The resident and a proxy holding READ_RECORDS
 * read everything; a clinician reads with a care relationship (general categories) or a consent (the categories it
 * names), or — failing both — under an active break-glass grant (everything, reviewed later); an institution's system
 * account reads what that institution sent. Every decision, allowed or denied, is an audit entry; every read by
 * someone other than the resident is also a line of the resident's access log.
 */
@Service
public class RecordAccess {

    /**
     * An allowed read: on what basis, which categories ({@code null} = all), restricted to one source institution
     * ({@code sourceOrg}) or not, until when ({@code until}, for break-glass) and under which grant.
     */
    public record Decision(UUID residentId, AccessBasis basis, Set<ConsentCategory> categories, UUID sourceOrg,
            Instant until, UUID breakGlassId) {

        public String purpose() {
            return switch (basis) {
                case SELF -> "SELF";
                case PROXY -> "PROXY";
                case BREAK_GLASS -> "EMERGENCY";
                case CARE_RELATIONSHIP, CONSENT, SOURCE -> "TREATMENT";
            };
        }

        public boolean allows(ConsentCategory category) {
            return categories == null || categories.contains(category);
        }
    }

    private final Proxies proxies;
    private final CareRelationships care;
    private final Consents consents;
    private final BreakGlass breakGlass;
    private final ResourceStore store;
    private final AccessLog accessLog;
    private final AuditLog audit;

    RecordAccess(Proxies proxies, CareRelationships care, Consents consents, BreakGlass breakGlass,
            ResourceStore store, AccessLog accessLog, AuditLog audit) {
        this.proxies = proxies;
        this.care = care;
        this.consents = consents;
        this.breakGlass = breakGlass;
        this.store = store;
        this.accessLog = accessLog;
        this.audit = audit;
    }

    static boolean clinician(Actor actor) {
        return actor.has(Role.CLINICIAN) || actor.has(Role.FAMILY_DOCTOR);
    }

    /** The decision for the current actor, without trace; empty when the record is closed to them. */
    public Optional<Decision> decide(UUID residentId) {
        Actor actor = CurrentActor.get();
        if (actor.residentId() != null) {
            if (actor.residentId().equals(residentId)) {
                return Optional.of(new Decision(residentId, AccessBasis.SELF, null, null, null, null));
            }
            if (proxies.mayActFor(actor.residentId(), residentId, ProxyPermission.READ_RECORDS)) {
                return Optional.of(new Decision(residentId, AccessBasis.PROXY, null, null, null, null));
            }
        }
        if (actor.has(Role.INSTITUTION_SYSTEM) && actor.organizationId() != null
                && store.hasSent(actor.organizationId(), residentId)) {
            return Optional.of(new Decision(residentId, AccessBasis.SOURCE, null, actor.organizationId(), null,
                    null));
        }
        if (clinician(actor)) {
            Set<ConsentCategory> consented = consents.activeFor(residentId, actor.organizationId(),
                    actor.practitionerId());
            boolean caring = care.exists(residentId, actor.organizationId(), actor.practitionerId());
            if (caring) {
                Set<ConsentCategory> cats = EnumSet.copyOf(ConsentCategory.DEFAULT);
                cats.addAll(consented);
                return Optional.of(new Decision(residentId, AccessBasis.CARE_RELATIONSHIP, cats, null, null, null));
            }
            if (!consented.isEmpty()) {
                return Optional.of(new Decision(residentId, AccessBasis.CONSENT, EnumSet.copyOf(consented), null,
                        null, null));
            }
            Optional<BreakGlass.Granted> grant = breakGlass.active(residentId, actor.username());
            if (grant.isPresent()) {
                return Optional.of(new Decision(residentId, AccessBasis.BREAK_GLASS, null, null,
                        grant.get().expiresAt(), grant.get().breakGlassId()));
            }
        }
        return Optional.empty();
    }

    /**
     * The decision for a read, or a 403 problem ({@code record-access-denied}) after auditing the refusal and
     * showing it in the resident's access log.
     */
    public Decision require(UUID residentId, String action, String resourceType) {
        Optional<Decision> d = decide(residentId);
        if (d.isEmpty()) {
            Actor actor = CurrentActor.get();
            audit.record(AuditEvent.byCurrentActor("RECORD_" + action, "Patient", residentId.toString(),
                    Outcome.DENIED).withPurpose("TREATMENT").withDetail(resourceType == null ? null
                            : "type=" + resourceType));
            accessLog.write(new AccessLog.Line(residentId, actor.username(), actor.primaryRole(),
                    actor.practitionerId(), actor.organizationId(), "TREATMENT", null, action, resourceType, 0,
                    "DENIED", null));
            throw new ProblemException(HttpStatus.FORBIDDEN, "record-access-denied", "records.access-denied");
        }
        return d.get();
    }

    /** Records a read that was allowed: an audit entry always, an access-log line unless the resident read it. */
    public void read(Decision d, String action, String resourceType, int count) {
        Actor actor = CurrentActor.get();
        AuditEvent e = AuditEvent.byCurrentActor("RECORD_" + action, "Patient", d.residentId().toString(),
                Outcome.SUCCESS).withPurpose(d.purpose()).withDetail((resourceType == null ? ""
                        : "type=" + resourceType + " ") + "basis=" + d.basis() + " items=" + count
                + (d.breakGlassId() == null ? "" : " breakGlass=" + d.breakGlassId()));
        audit.record(d.basis() == AccessBasis.PROXY ? e.withActingFor(d.residentId().toString()) : e);
        if (d.basis() != AccessBasis.SELF) {
            accessLog.write(new AccessLog.Line(d.residentId(), actor.username(), actor.primaryRole(),
                    actor.practitionerId(), actor.organizationId(), d.purpose(), d.basis(), action, resourceType,
                    count, "SUCCESS", d.breakGlassId()));
        }
    }
}
