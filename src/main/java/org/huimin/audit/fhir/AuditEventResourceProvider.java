package org.huimin.audit.fhir;

import java.time.Instant;
import java.util.Date;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.huimin.audit.AuditTrail;
import org.huimin.shared.fhir.PagedBundle;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * The audit chain as FHIR AuditEvent, for auditors only: read by sequence number and search by {@code agent}
 * (account), {@code action} (e.g. RECORD_SEARCH), {@code outcome} (SUCCESS, DENIED, FAILURE), {@code entity-type},
 * {@code entity} (resource id; for record reads the resident) and {@code date}. Newest first.
 */
@Component
class AuditEventResourceProvider implements IResourceProvider {

    static final String ACTION_SYSTEM = "https://fhir.huimin.org/CodeSystem/audit-action";
    static final String PURPOSE_SYSTEM = "https://fhir.huimin.org/CodeSystem/access-purpose";

    private final AuditTrail trail;

    AuditEventResourceProvider(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    private static void requireAuditor() {
        if (!CurrentActor.get().has(Role.AUDITOR)) {
            throw new ForbiddenOperationException("Only auditors read the audit trail");
        }
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        requireAuditor();
        long seq;
        try {
            seq = Long.parseLong(id.getIdPart());
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        return trail.entry(seq).map(AuditEventResourceProvider::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_AGENT) StringParam agent,
            @OptionalParam(name = AuditEvent.SP_ACTION) TokenParam action,
            @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
            @OptionalParam(name = AuditEvent.SP_ENTITY_TYPE) TokenParam entityType,
            @OptionalParam(name = AuditEvent.SP_ENTITY) StringParam entity,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date) {
        requireAuditor();
        Instant from = date == null || date.getLowerBoundAsInstant() == null ? null
                : date.getLowerBoundAsInstant().toInstant();
        Instant to = date == null || date.getUpperBoundAsInstant() == null ? null
                : date.getUpperBoundAsInstant().toInstant().plusMillis(1);
        AuditTrail.Query q = new AuditTrail.Query(agent == null ? null : agent.getValue(),
                action == null ? null : action.getValue(), outcome == null ? null : outcome.getValue(),
                entityType == null ? null : entityType.getValue(), entity == null ? null : entity.getValue(), from,
                to);
        return new PagedBundle<>(page -> trail.search(q, page), AuditEventResourceProvider::toFhir, e -> true);
    }

    static AuditEvent toFhir(AuditTrail.Entry e) {
        AuditEvent a = new AuditEvent();
        a.setId(Long.toString(e.seq()));
        a.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        a.addSubtype(new Coding(ACTION_SYSTEM, e.action(), null));
        a.setAction(action(e.action()));
        a.setRecorded(Date.from(e.occurredAt()));
        a.setOutcome(switch (e.outcome()) {
            case "SUCCESS" -> AuditEvent.AuditEventOutcome._0;
            case "DENIED" -> AuditEvent.AuditEventOutcome._4;
            default -> AuditEvent.AuditEventOutcome._8;
        });
        a.setOutcomeDesc(e.outcome() + (e.detail() == null ? "" : ": " + e.detail()));
        if (e.purpose() != null) {
            a.addPurposeOfEvent(new CodeableConcept().addCoding(new Coding(PURPOSE_SYSTEM, e.purpose(), null)));
        }
        AuditEvent.AuditEventAgentComponent agent = a.addAgent().setRequestor(true)
                .setWho(new Reference().setDisplay(e.actor()));
        if (e.role() != null) {
            agent.addRole(new CodeableConcept().setText(e.role()));
        }
        if (e.organizationId() != null) {
            agent.getWho().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                    .setSystem("https://fhir.huimin.org/sid/account").setValue(e.actor()));
            agent.addExtension("https://fhir.huimin.org/StructureDefinition/agent-organization",
                    new Reference("Organization/" + e.organizationId()));
        }
        if (e.clientIp() != null) {
            agent.getNetwork().setAddress(e.clientIp()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        if (e.actingFor() != null) {
            a.addAgent().setRequestor(false).setWho(new Reference("Patient/" + e.actingFor()))
                    .addRole(new CodeableConcept().setText("acting-for"));
        }
        a.getSource().setObserver(new Reference().setDisplay("Huimin")).setSite("huimin");
        if (e.resourceType() != null || e.resourceId() != null) {
            AuditEvent.AuditEventEntityComponent entity = a.addEntity();
            if (e.resourceType() != null && e.resourceId() != null) {
                entity.setWhat(new Reference(e.resourceType() + "/" + e.resourceId()));
            } else if (e.resourceId() != null) {
                entity.setWhat(new Reference().setDisplay(e.resourceId()));
            }
            if (e.resourceType() != null) {
                entity.setType(new Coding("http://hl7.org/fhir/resource-types", e.resourceType(), null));
            }
        }
        return a;
    }

    private static AuditEvent.AuditEventAction action(String action) {
        String a = action == null ? "" : action;
        if (a.contains("READ") || a.contains("SEARCH") || a.contains("EVERYTHING") || a.contains("TIMELINE")
                || a.contains("SUMMARY") || a.contains("TRENDS") || a.contains("VERIFY")) {
            return AuditEvent.AuditEventAction.R;
        }
        if (a.contains("INGEST") || a.contains("GRANT") || a.contains("CREATE") || a.contains("REGISTER")) {
            return AuditEvent.AuditEventAction.C;
        }
        if (a.contains("REVOKE") || a.contains("DELETE")) {
            return AuditEvent.AuditEventAction.D;
        }
        return AuditEvent.AuditEventAction.E;
    }
}
