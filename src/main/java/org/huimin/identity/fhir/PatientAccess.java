package org.huimin.identity.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read the master index over FHIR: staff who identify patients (clinical, registration, public health,
 * insurance, institution systems) may search and read; a resident may read only their own Patient. Every read and
 * every refusal is audited, since Patient carries the full ID number.
 */
@Component
class PatientAccess {

    private final AuditLog audit;

    PatientAccess(AuditLog audit) {
        this.audit = audit;
    }

    /** Any role but resident or auditor alone: those identify patients in their work. */
    private static boolean staff(Actor actor) {
        return actor.roles().stream().anyMatch(r -> !r.equals(Role.RESIDENT.name()) && !r.equals(Role.AUDITOR.name()));
    }

    void requireStaff(String action, String resourceType, String detail) {
        if (!staff(CurrentActor.get())) {
            deny(action, resourceType, null);
        }
        audit.record(AuditEvent.byCurrentActor(action, resourceType, null, Outcome.SUCCESS).withPurpose("TREATMENT")
                .withDetail(detail));
    }

    /** Staff, or the resident reading their own entry. */
    void requireRead(String action, String resourceType, UUID patient) {
        Actor actor = CurrentActor.get();
        boolean own = actor.residentId() != null && actor.residentId().equals(patient);
        if (!own && !staff(actor)) {
            deny(action, resourceType, patient);
        }
        audit.record(AuditEvent.byCurrentActor(action, resourceType, patient.toString(), Outcome.SUCCESS)
                .withPurpose(own ? "SELF" : "TREATMENT"));
    }

    private void deny(String action, String resourceType, UUID patient) {
        audit.record(AuditEvent.byCurrentActor(action, resourceType, patient == null ? null : patient.toString(),
                Outcome.DENIED));
        throw new ForbiddenOperationException("Your role may not read the master index");
    }
}
