package org.huimin.audit;

import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.web.RequestContext;

/**
 * One auditable fact: who ({@code actor}, {@code role}, {@code actingFor} when a proxy acts for a relative,
 * {@code organizationId}), why ({@code purpose}), what ({@code action} on {@code resourceType}/{@code resourceId}),
 * the {@code outcome} and from where ({@code clientIp}). {@code detail} is free text and must not hold personal
 * identifiers in clear.
 */
public record AuditEvent(String actor, String role, String actingFor, String organizationId, String purpose,
        String action, String resourceType, String resourceId, Outcome outcome, String clientIp, String detail) {

    /** How the attempt ended. */
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action must not be blank");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
    }

    /** An event by the current request's actor, from the current client address. */
    public static AuditEvent byCurrentActor(String action, String resourceType, String resourceId, Outcome outcome) {
        Actor actor = CurrentActor.get();
        return new AuditEvent(actor.username(), actor.primaryRole(), null,
                actor.organizationId() == null ? null : actor.organizationId().toString(), null, action, resourceType,
                resourceId, outcome, RequestContext.clientIp(), null);
    }

    public AuditEvent withPurpose(String value) {
        return new AuditEvent(actor, role, actingFor, organizationId, value, action, resourceType, resourceId, outcome,
                clientIp, detail);
    }

    public AuditEvent withActingFor(String value) {
        return new AuditEvent(actor, role, value, organizationId, purpose, action, resourceType, resourceId, outcome,
                clientIp, detail);
    }

    public AuditEvent withDetail(String value) {
        return new AuditEvent(actor, role, actingFor, organizationId, purpose, action, resourceType, resourceId, outcome,
                clientIp, value);
    }
}
