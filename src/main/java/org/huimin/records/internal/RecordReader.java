package org.huimin.records.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import org.hl7.fhir.r4.model.Resource;
import org.huimin.identity.Residents;
import org.huimin.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads stored resources for the FHIR API with the access rules applied: a read by id is allowed only when the
 * resource's resident (and its sensitivity category) is open to the caller; searches are always about one resident
 * and see only the categories (and, for an institution's system, the source) the decision allows.
 */
@Service
public class RecordReader {

    /** One page source of a search: its total and a window of resources. */
    public interface Results {
        int total();

        List<Resource> window(int offset, int limit);

        /**
         * The resources that {@code page} refers to through the named elements ({@code _include=Observation:encounter}
         * names {@code encounter}), that the same decision lets the caller read: stored resources of the same
         * resident (or reference data) and the Patient.
         */
        default List<Resource> included(List<Resource> page, java.util.Set<String> elements) {
            return List.of();
        }
    }

    /** Search criteria; each may be null. */
    public record Criteria(List<String> codes, List<String> categories, Instant from, Instant to, UUID encounter,
            boolean newestFirst) {
    }

    private final ResourceStore store;
    private final RecordAccess access;
    private final FhirContext fhir;
    private final Residents residents;
    private final org.huimin.identity.FhirPatients patients;

    RecordReader(ResourceStore store, RecordAccess access, FhirContext fhir, Residents residents,
            org.huimin.identity.FhirPatients patients) {
        this.store = store;
        this.access = access;
        this.fhir = fhir;
        this.residents = residents;
        this.patients = patients;
    }

    /** The resource, or empty when there is none of that type and id; 403 when it is closed to the caller. */
    public Optional<Resource> read(String type, UUID id) {
        Optional<ResourceStore.Stored> found = store.find(type, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ResourceStore.Stored s = found.get();
        if (s.residentId() == null) {
            return Optional.of(parse(s));
        }
        RecordAccess.Decision d = access.require(s.residentId(), "READ", type);
        if (!d.allows(s.category()) || d.sourceOrg() != null && !d.sourceOrg().equals(s.sourceOrg())) {
            access.read(d, "READ", type, 0);
            throw new ProblemException(HttpStatus.FORBIDDEN, "record-category-closed", "records.category-closed");
        }
        access.read(d, "READ", type, 1);
        return Optional.of(parse(s));
    }

    /** A search of one resident's resources of one type (or all types when {@code type} is null). */
    public Results search(UUID residentId, String type, Criteria c, String action) {
        UUID resident = residents.effectiveId(residentId).orElse(residentId);
        RecordAccess.Decision d = access.require(resident, action, type);
        ResourceStore.Filter f = new ResourceStore.Filter(type, d.categories(), d.sourceOrg(), c.codes(),
                c.categories(), c.from(), c.to(), c.encounter(), c.newestFirst());
        int total = store.count(resident, f);
        access.read(d, action, type, total);
        return new Results() {
            @Override
            public int total() {
                return total;
            }

            @Override
            public List<Resource> window(int offset, int limit) {
                return store.search(resident, f, offset, limit).stream().map(RecordReader.this::parse).toList();
            }

            @Override
            public List<Resource> included(List<Resource> page, java.util.Set<String> elements) {
                return include(page, elements, resident, d);
            }
        };
    }

    private List<Resource> include(List<Resource> page, java.util.Set<String> elements, UUID resident,
            RecordAccess.Decision d) {
        java.util.Map<String, Resource> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        page.forEach(r -> seen.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
        for (Resource r : page) {
            for (String element : elements) {
                org.hl7.fhir.r4.model.Property property = r.getNamedProperty(element);
                if (property == null && "patient".equals(element)) {
                    // the patient search parameter of Observation, Condition, Encounter ... is their subject
                    property = r.getNamedProperty("subject");
                }
                if (property == null) {
                    continue;
                }
                for (org.hl7.fhir.r4.model.Base b : property.getValues()) {
                    if (!(b instanceof org.hl7.fhir.r4.model.Reference ref) || !ref.hasReference()) {
                        continue;
                    }
                    String[] parts = ref.getReference().split("/");
                    if (parts.length != 2 || seen.contains(ref.getReference())
                            || out.containsKey(ref.getReference())) {
                        continue;
                    }
                    UUID id;
                    try {
                        id = UUID.fromString(parts[1]);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if ("Patient".equals(parts[0])) {
                        if (id.equals(resident)) {
                            patients.patient(resident).ifPresent(p -> out.put(ref.getReference(), p));
                        }
                        continue;
                    }
                    store.find(parts[0], id).filter(s -> (s.residentId() == null || s.residentId().equals(resident))
                            && d.allows(s.category()) && (d.sourceOrg() == null || s.residentId() == null
                                    || d.sourceOrg().equals(s.sourceOrg())))
                            .ifPresent(s -> out.put(ref.getReference(), parse(s)));
                }
            }
        }
        return new java.util.ArrayList<>(out.values());
    }

    /** A page of a resident's resources as stored JSON, for {@code $everything} without parsing. */
    public record RawPage(UUID residentId, int total, List<RawResource> items) {
    }

    public record RawResource(String type, UUID id, String json) {
    }

    /**
     * {@code Patient/$everything} as JSON: the same access decision, audit and access-log line as a search, the
     * resources oldest first as they were stored.
     */
    public RawPage everything(UUID residentId, int offset, int limit) {
        UUID resident = residents.effectiveId(residentId).orElseThrow(() -> ProblemException.notFound("Patient",
                residentId));
        RecordAccess.Decision d = access.require(resident, "EVERYTHING", null);
        ResourceStore.Filter f = new ResourceStore.Filter(null, d.categories(), d.sourceOrg(), null, null, null, null,
                null, false);
        int total = store.count(resident, f);
        List<RawResource> items = store.raw(resident, f, offset, limit).stream()
                .map(r -> new RawResource(r.type(), r.id(), r.content())).toList();
        access.read(d, "EVERYTHING", null, items.size());
        return new RawPage(resident, total, items);
    }

    Resource parse(ResourceStore.Stored s) {
        IParser parser = fhir.newJsonParser();
        Resource r = (Resource) parser.parseResource(s.content());
        r.setId(s.type() + "/" + s.id() + "/_history/" + s.version());
        r.getMeta().setVersionId(Integer.toString(s.version()))
                .setLastUpdated(s.lastUpdated() == null ? null : Date.from(s.lastUpdated()));
        return r;
    }
}
