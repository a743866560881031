package org.huimin.records.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.FhirTerser;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.DocumentType;
import org.huimin.identity.IncomingPerson;
import org.huimin.identity.Residents;
import org.huimin.identity.Resolution;
import org.huimin.records.AccessBasis;
import org.huimin.shared.Sex;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests FHIR {@code transaction} and {@code batch} bundles from an institution's system account.
 *
 * <p>A transaction is all-or-nothing: every entry is checked (method, accepted type, the patient it is about,
 * references that resolve) before anything is written, then patients are resolved through the master index (an
 * identifier first, demographics otherwise; unknown people become unverified residents), {@code urn:uuid:},
 * relative and conditional ({@code Type?identifier=system|value}) references are rewritten to the stored ids, and the
 * resources are written in batches — all in one database transaction. Each resource is keyed by the sending
 * institution and its own identity (identifier, id or fullUrl), so posting the same bundle again updates (or, when
 * nothing changed, leaves) what is there instead of duplicating it. A batch runs each entry that way on its own.
 */
@Service
public class BundleIngest implements org.huimin.records.RecordIngest {

    /** Resources kept per resident. */
    static final Set<String> CLINICAL = Set.of("Encounter", "Condition", "Observation", "DiagnosticReport",
            "ImagingStudy", "Procedure", "MedicationRequest", "MedicationDispense", "MedicationAdministration",
            "MedicationStatement", "Immunization", "AllergyIntolerance", "CarePlan", "CareTeam", "Goal",
            "DocumentReference", "ServiceRequest", "Claim", "ExplanationOfBenefit", "Coverage", "Provenance",
            "Device", "SupplyDelivery", "FamilyMemberHistory", "RiskAssessment", "Specimen", "ClinicalImpression");
    /** Reference data the clinical resources point at; not about one resident. */
    static final Set<String> REFERENCE = Set.of("Organization", "Practitioner", "PractitionerRole", "Location",
            "Medication");

    private final FhirContext fhir;
    private final Residents residents;
    private final ResourceStore store;
    private final ResourceIndexer indexer;
    private final AuditLog audit;
    private final AccessLog accessLog;
    private final Clock clock;
    private final RecordsProperties properties;
    private final TransactionTemplate tx;
    private final String cinSystem;

    BundleIngest(FhirContext fhir, Residents residents, ResourceStore store, ResourceIndexer indexer, AuditLog audit,
            AccessLog accessLog, Clock clock, RecordsProperties properties, PlatformTransactionManager transactions,
            @Value("${huimin.fhir.cin-system}") String cinSystem) {
        this.fhir = fhir;
        this.residents = residents;
        this.store = store;
        this.indexer = indexer;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.cinSystem = cinSystem;
    }

    /** Processes a transaction or batch bundle from the current actor, an institution's system account. */
    public Bundle process(Bundle bundle) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.INSTITUTION_SYSTEM) || actor.organizationId() == null) {
            audit.record(AuditEvent.byCurrentActor("RECORD_INGEST", "Bundle", null, Outcome.DENIED));
            throw new ForbiddenOperationException("Only an institution's system account may send records");
        }
        return process(bundle, actor);
    }

    @Override
    public Bundle ingest(Bundle bundle, UUID sourceOrganization) {
        java.util.Objects.requireNonNull(sourceOrganization, "sourceOrganization");
        return process(bundle, new Actor("system", null, Set.of(Role.INSTITUTION_SYSTEM.name()), sourceOrganization,
                null, null));
    }

    private Bundle process(Bundle bundle, Actor actor) {
        if (bundle == null || !bundle.hasType()) {
            throw new InvalidRequestException("A Bundle of type transaction or batch is required");
        }
        if (bundle.getEntry().size() > properties.maxBundleEntries()) {
            throw new UnprocessableEntityException("A bundle may carry at most " + properties.maxBundleEntries()
                    + " entries; this one has " + bundle.getEntry().size());
        }
        return switch (bundle.getType()) {
            case TRANSACTION -> transaction(bundle, actor);
            case BATCH -> batch(bundle, actor);
            default -> throw new InvalidRequestException("Bundle.type must be transaction or batch, not "
                    + bundle.getType().toCode());
        };
    }

    private Bundle transaction(Bundle bundle, Actor actor) {
        Result result;
        try {
            result = tx.execute(status -> write(bundle.getEntry(), actor));
        } catch (DuplicateKeyException e) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException(
                    "The same resources are being written by another request; send the bundle again");
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.setId(UUID.randomUUID().toString());
        result.entries().forEach(response::addEntry);
        traced(actor, result, bundle.getEntry().size());
        return response;
    }

    private Bundle batch(Bundle bundle, Actor actor) {
        Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        response.setId(UUID.randomUUID().toString());
        for (BundleEntryComponent entry : bundle.getEntry()) {
            try {
                Result r = tx.execute(status -> write(List.of(entry), actor));
                response.addEntry(r.entries().get(0));
                traced(actor, r, 1);
            } catch (BaseServerResponseException e) {
                response.addEntry().getResponse().setStatus(e.getStatusCode() + " " + reason(e.getStatusCode()))
                        .setOutcome(outcome(e.getMessage()));
            } catch (DuplicateKeyException e) {
                response.addEntry().getResponse().setStatus("409 Conflict")
                        .setOutcome(outcome("Written concurrently by another request; send it again"));
            }
        }
        return response;
    }

    private void traced(Actor actor, Result result, int entries) {
        audit.record(new AuditEvent(actor.username(), actor.primaryRole(), null, actor.organizationId().toString(),
                "INGEST", "RECORD_INGEST", "Bundle", null, Outcome.SUCCESS,
                org.huimin.shared.web.RequestContext.clientIp(), null).withDetail("entries=" + entries + " created=" + result.created() + " updated="
                        + result.updated() + " unchanged=" + result.unchanged() + " residents="
                        + result.perResident().size()));
        result.perResident().forEach((resident, count) -> accessLog.write(new AccessLog.Line(resident,
                actor.username(), actor.primaryRole(), actor.practitionerId(), actor.organizationId(), "INGEST",
                AccessBasis.SOURCE, "INGEST", null, count, "SUCCESS", null)));
    }

    record Result(List<BundleEntryComponent> entries, int created, int updated, int unchanged,
            Map<UUID, Integer> perResident) {
    }

    /** One planned write: the entry, its target id, and what exists under its key. */
    private static final class Planned {
        final int index;
        final BundleEntryComponent entry;
        final Resource resource;
        final String type;
        String sourceKey;
        UUID id;
        ResourceStore.Existing existing;
        UUID residentId;
        boolean patient;
        boolean skip;

        Planned(int index, BundleEntryComponent entry, Resource resource, String type) {
            this.index = index;
            this.entry = entry;
            this.resource = resource;
            this.type = type;
        }
    }

    private Result write(List<BundleEntryComponent> entries, Actor actor) {
        UUID org = actor.organizationId();
        Instant now = clock.instant();
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            plan.add(check(i, entries.get(i)));
        }
        // fullUrl (and Type/id of entries that carry one) -> the stored reference
        Map<String, String> targets = new HashMap<>();
        Map<String, String> practitionerNames = new HashMap<>();
        // patients first: the others refer to them
        for (Planned p : plan) {
            if (p.patient) {
                p.id = resolvePatient((Patient) p.resource, org);
                p.residentId = p.id;
                alias(targets, p, "Patient/" + p.id);
            }
        }
        Map<ResourceStore.Key, Planned> byKey = new LinkedHashMap<>();
        for (Planned p : plan) {
            if (p.patient) {
                continue;
            }
            p.sourceKey = sourceKey(p);
            ResourceStore.Key key = new ResourceStore.Key(p.type, p.sourceKey);
            Planned first = byKey.putIfAbsent(key, p);
            if (first != null) {
                // the same resource twice in one bundle: the later entry answers with the first one's id
                p.skip = true;
                p.id = first.id;
            }
        }
        Map<ResourceStore.Key, ResourceStore.Existing> existing = store.existing(org, byKey.keySet());
        for (Map.Entry<ResourceStore.Key, Planned> e : byKey.entrySet()) {
            Planned p = e.getValue();
            p.existing = existing.get(e.getKey());
            p.id = p.existing != null ? p.existing.id() : UUID.randomUUID();
        }
        for (Planned p : plan) {
            if (!p.patient) {
                if (p.skip) {
                    p.id = byKey.get(new ResourceStore.Key(p.type, p.sourceKey)).id;
                }
                alias(targets, p, p.type + "/" + p.id);
                if (p.resource instanceof Practitioner pr && pr.hasName()) {
                    practitionerNames.put(p.type + "/" + p.id, display(pr.getNameFirstRep()));
                }
            }
        }
        FhirTerser terser = fhir.newTerser();
        IParser parser = fhir.newJsonParser().setPrettyPrint(false);
        List<ResourceStore.Row> inserts = new ArrayList<>();
        List<ResourceStore.Row> updates = new ArrayList<>();
        List<BundleEntryComponent> responses = new ArrayList<>();
        Map<UUID, Integer> perResident = new LinkedHashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Boolean> known = new HashMap<>();
        for (Planned p : plan) {
            if (p.patient) {
                responses.add(response("200 OK", "Patient/" + p.id, 1, now));
                continue;
            }
            String author = null;
            for (Reference ref : terser.getAllPopulatedChildElementsOfType(p.resource, Reference.class)) {
                String rewritten = rewrite(ref, targets, known, p, org);
                if (rewritten != null) {
                    ref.setReference(rewritten);
                }
                String r = ref.getReference();
                if (author == null && r != null && r.startsWith("Practitioner/")) {
                    author = practitionerNames.getOrDefault(r, ref.hasDisplay() ? ref.getDisplay() : null);
                }
            }
            if (p.skip) {
                responses.add(response("200 OK", p.type + "/" + p.id, 1, now));
                continue;
            }
            p.residentId = CLINICAL.contains(p.type) ? subject(p, terser) : null;
            p.resource.setId(p.id.toString());
            p.resource.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
            String content = parser.encodeResourceToString(p.resource);
            String hash = sha256(content);
            if (p.existing != null && hash.equals(p.existing.hash())) {
                unchanged++;
                responses.add(response("200 OK", p.type + "/" + p.id, p.existing.version(), now));
                continue;
            }
            IndexedResource index = indexer.index(p.resource);
            int version = p.existing == null ? 1 : p.existing.version() + 1;
            ResourceStore.Row row = new ResourceStore.Row(p.id, p.type, p.residentId, org, p.sourceKey, version, now,
                    index, author, hash, withMeta(content, p.resource, version, now, parser));
            if (p.existing == null) {
                inserts.add(row);
                created++;
                responses.add(response("201 Created", p.type + "/" + p.id, 1, now));
            } else {
                updates.add(row);
                updated++;
                responses.add(response("200 OK", p.type + "/" + p.id, version, now));
            }
            if (p.residentId != null) {
                perResident.merge(p.residentId, 1, Integer::sum);
            }
        }
        store.insert(inserts);
        store.update(updates);
        return new Result(responses, created, updated, unchanged, perResident);
    }

    /**
     * The stored JSON: the resource as sent (references rewritten) with {@code meta.versionId} and
     * {@code meta.lastUpdated}, so that readers can pass it on without parsing it. HAPI writes {@code id} and then
     * {@code meta} first; when the sender gave no other meta the two fields are put in place textually instead of
     * encoding the resource a second time.
     */
    static String withMeta(String content, Resource resource, int version, Instant now, IParser parser) {
        String versionAndTime = "\"versionId\":\"" + version + "\",\"lastUpdated\":\""
                + new org.hl7.fhir.r4.model.InstantType(Date.from(now)).getValueAsString() + "\"";
        String head = "{\"resourceType\":\"" + resource.fhirType() + "\",\"id\":\""
                + resource.getIdElement().getIdPart() + "\"";
        boolean hasMeta = !resource.getMeta().isEmpty();
        if (content.startsWith(head) && hasMeta && content.startsWith(",\"meta\":{", head.length())) {
            int at = head.length() + ",\"meta\":{".length();
            return content.substring(0, at) + versionAndTime + "," + content.substring(at);
        }
        if (content.startsWith(head) && !hasMeta) {
            return head + ",\"meta\":{" + versionAndTime + "}" + content.substring(head.length());
        }
        resource.getMeta().setVersionId(Integer.toString(version)).setLastUpdated(Date.from(now));
        return parser.encodeResourceToString(resource);
    }

    /** Checks what can be checked of one entry before anything is written. */
    private Planned check(int i, BundleEntryComponent entry) {
        String where = "Bundle.entry[" + i + "]";
        HTTPVerb method = entry.hasRequest() && entry.getRequest().hasMethod() ? entry.getRequest().getMethod()
                : HTTPVerb.POST;
        if (method != HTTPVerb.POST && method != HTTPVerb.PUT) {
            throw new UnprocessableEntityException(where + ": " + method.toCode() + " is not accepted; records are "
                    + "corrected by sending them again (status entered-in-error to withdraw one), never deleted");
        }
        if (!entry.hasResource()) {
            throw new UnprocessableEntityException(where + " has no resource");
        }
        Resource resource = entry.getResource();
        String type = resource.fhirType();
        boolean patient = "Patient".equals(type);
        if (!patient && !CLINICAL.contains(type) && !REFERENCE.contains(type)) {
            throw new UnprocessableEntityException(where + ": " + type + " is not kept in the shared record");
        }
        Planned p = new Planned(i, entry, resource, type);
        p.patient = patient;
        return p;
    }

    /** A resource's identity at its sender: identifier, else its id, else its fullUrl. */
    private static String sourceKey(Planned p) {
        String url = p.entry.hasRequest() ? p.entry.getRequest().getUrl() : null;
        if (url != null && url.contains("?identifier=")) {
            return "id:" + url.substring(url.indexOf("?identifier=") + 12);
        }
        if (p.entry.hasRequest() && p.entry.getRequest().hasIfNoneExist()
                && p.entry.getRequest().getIfNoneExist().startsWith("identifier=")) {
            return "id:" + p.entry.getRequest().getIfNoneExist().substring(11);
        }
        Base[] identifiers = p.resource.getProperty("identifier".hashCode(), "identifier", false);
        if (identifiers != null) {
            for (Base b : identifiers) {
                if (b instanceof Identifier id && id.hasSystem() && id.hasValue()) {
                    return "id:" + id.getSystem() + "|" + id.getValue();
                }
            }
        }
        if (p.resource.hasIdElement() && p.resource.getIdElement().hasIdPart()) {
            return "rid:" + p.resource.getIdElement().getIdPart();
        }
        if (p.entry.hasFullUrl()) {
            return "url:" + p.entry.getFullUrl();
        }
        return "gen:" + UUID.randomUUID();
    }

    private static void alias(Map<String, String> targets, Planned p, String target) {
        if (p.entry.hasFullUrl()) {
            targets.put(p.entry.getFullUrl(), target);
            String full = p.entry.getFullUrl();
            int slash = full.lastIndexOf('/', full.lastIndexOf('/') - 1);
            if (full.startsWith("http") && slash > 0) {
                targets.put(full.substring(slash + 1), target);
            }
        }
        if (p.resource.hasIdElement() && p.resource.getIdElement().hasIdPart()) {
            targets.put(p.type + "/" + p.resource.getIdElement().getIdPart(), target);
        }
    }

    /** The stored reference for {@code ref}, {@code null} to leave it; a reference that cannot resolve fails. */
    private String rewrite(Reference ref, Map<String, String> targets, Map<String, Boolean> known, Planned p,
            UUID org) {
        String r = ref.getReference();
        if (r == null || r.isEmpty() || r.startsWith("#")) {
            return null;
        }
        String mapped = targets.get(r);
        if (mapped != null) {
            return mapped;
        }
        String where = "Bundle.entry[" + p.index + "] (" + p.type + ")";
        if (r.startsWith("urn:")) {
            throw new UnprocessableEntityException(where + " refers to " + r + ", which is not in the bundle");
        }
        int q = r.indexOf('?');
        if (q > 0) {
            String type = r.substring(0, q);
            String params = r.substring(q + 1);
            if (!params.startsWith("identifier=")) {
                throw new UnprocessableEntityException(where + ": conditional reference " + r
                        + " must search by identifier");
            }
            String token = java.net.URLDecoder.decode(params.substring(11), StandardCharsets.UTF_8);
            Optional<UUID> found = "Patient".equals(type) ? residentByToken(token)
                    : store.bySourceKey(org, type, "id:" + token);
            return found.map(id -> type + "/" + id).orElseThrow(() -> new UnprocessableEntityException(where
                    + ": conditional reference " + r + " matches nothing"));
        }
        if (r.startsWith("http://") || r.startsWith("https://")) {
            return null; // a resource on another server, kept as the sender gave it
        }
        String[] parts = r.split("/");
        if (parts.length != 2 && !(parts.length == 4 && "_history".equals(parts[2]))) {
            throw new UnprocessableEntityException(where + ": reference " + r + " is not Type/id");
        }
        String key = parts[0] + "/" + parts[1];
        Boolean exists = known.computeIfAbsent(key, k -> {
            UUID id;
            try {
                id = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return "Patient".equals(parts[0]) ? residents.find(id).isPresent() : store.exists(parts[0], id);
        });
        if (!exists) {
            throw new UnprocessableEntityException(where + ": " + r + " is neither in the bundle nor stored here");
        }
        return key;
    }

    private Optional<UUID> residentByToken(String token) {
        int bar = token.indexOf('|');
        return bar < 0 ? residents.findByIdentifier(null, token)
                : residents.findByIdentifier(token.substring(0, bar), token.substring(bar + 1));
    }

    /** The resident a clinical resource is about: its subject, patient or beneficiary. */
    private static UUID subject(Planned p, FhirTerser terser) {
        for (String path : new String[] {"subject", "patient", "beneficiary"}) {
            if (p.resource.getNamedProperty(path) == null) {
                continue;
            }
            for (Base b : p.resource.getNamedProperty(path).getValues()) {
                if (b instanceof Reference ref && ref.hasReference() && ref.getReference().startsWith("Patient/")) {
                    return UUID.fromString(ref.getReference().substring(8));
                }
            }
        }
        for (Reference ref : terser.getAllPopulatedChildElementsOfType(p.resource, Reference.class)) {
            if (ref.hasReference() && ref.getReference().startsWith("Patient/")) {
                return UUID.fromString(ref.getReference().substring(8));
            }
        }
        throw new UnprocessableEntityException("Bundle.entry[" + p.index + "] (" + p.type
                + ") is not about a patient: give subject or patient");
    }

    private UUID resolvePatient(Patient patient, UUID org) {
        if (!patient.hasBirthDate()) {
            throw new UnprocessableEntityException("Patient needs birthDate to be matched to a resident");
        }
        if (!patient.hasName()) {
            throw new UnprocessableEntityException("Patient needs a name to be matched to a resident");
        }
        String idNumber = null;
        List<IncomingPerson.Document> documents = new ArrayList<>();
        for (Identifier id : patient.getIdentifier()) {
            if (!id.hasValue()) {
                continue;
            }
            if (cinSystem.equals(id.getSystem())) {
                idNumber = id.getValue();
            } else if (id.hasSystem()) {
                documents.add(new IncomingPerson.Document(DocumentType.EXTERNAL, id.getSystem(), id.getValue()));
            }
        }
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        Sex sex = !patient.hasGender() ? Sex.UNKNOWN : switch (patient.getGender()) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
        LocalDate birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString().substring(0, 10));
        String phone = patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
        String address = patient.hasAddress() ? address(patient.getAddressFirstRep()) : null;
        Resolution r = residents.resolve(new IncomingPerson(display(name), sex, birthDate, phone, address, idNumber,
                documents, "FHIR " + org));
        return r.residentId();
    }

    private static String display(HumanName n) {
        if (n.hasText()) {
            return n.getText();
        }
        String family = n.hasFamily() ? n.getFamily() : "";
        String given = n.getGivenAsSingleString();
        boolean han = (family + given).codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);
        String full = han ? family + given : (given + " " + family).strip();
        return full.isBlank() ? "?" : full;
    }

    private static String address(Address a) {
        if (a.hasText()) {
            return a.getText();
        }
        List<String> parts = new ArrayList<>();
        a.getLine().forEach(l -> parts.add(l.getValue()));
        if (a.hasCity()) {
            parts.add(a.getCity());
        }
        if (a.hasState()) {
            parts.add(a.getState());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static BundleEntryComponent response(String status, String location, int version, Instant now) {
        BundleEntryComponent e = new BundleEntryComponent();
        e.getResponse().setStatus(status).setLocation(location + "/_history/" + version).setEtag("W/\"" + version
                + "\"").setLastModified(Date.from(now));
        return e;
    }

    static OperationOutcome outcome(String message) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
                .setDiagnostics(message);
        return oo;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            default -> "Error";
        };
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
