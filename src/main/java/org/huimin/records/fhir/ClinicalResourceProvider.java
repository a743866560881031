package org.huimin.records.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.records.internal.RecordReader;

/**
 * Read and search of one stored resource type. Searches are about one patient ({@code patient} or {@code subject})
 * and take {@code code}, {@code category} (tokens, {@code system|code} or a bare code, OR-ed), {@code date} (a range
 * over the clinical time), {@code encounter}, {@code _sort=date|-date}, {@code _count} and {@code _include} of the
 * obvious references (encounter, subject/patient, result, medication, performer, ...).
 */
abstract class ClinicalResourceProvider<T extends Resource> implements IResourceProvider {

    private final RecordReader reader;
    private final Class<T> type;

    ClinicalResourceProvider(RecordReader reader, Class<T> type) {
        this.reader = reader;
        this.type = type;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    @Read
    public Resource read(@IdParam IdType id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
        return reader.read(type.getSimpleName(), uuid).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "code") TokenOrListParam code,
            @OptionalParam(name = "category") TokenOrListParam category,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @Sort SortSpec sort, @Count Integer count,
            @ca.uhn.fhir.rest.annotation.IncludeParam(allow = "*") java.util.Set<ca.uhn.fhir.model.api.Include> includes) {
        ReferenceParam who = patient != null ? patient : subject;
        if (who == null || who.getIdPart() == null) {
            throw new InvalidRequestException("Give patient (or subject): records are searched one patient at a "
                    + "time");
        }
        if (who.getResourceType() != null && !"Patient".equals(who.getResourceType())) {
            throw new InvalidRequestException("patient must refer to a Patient");
        }
        UUID resident = uuid(who.getIdPart(), "patient");
        UUID enc = encounter == null ? null : uuid(encounter.getIdPart(), "encounter");
        Instant from = date == null || date.getLowerBoundAsInstant() == null ? null
                : date.getLowerBoundAsInstant().toInstant();
        Instant to = null;
        if (date != null && date.getUpperBoundAsInstant() != null) {
            // the upper bound is inclusive to the precision given (date=le2020-01-01 covers that whole day)
            to = date.getUpperBoundAsInstant().toInstant().plusMillis(1);
        }
        boolean newestFirst = true;
        if (sort != null) {
            if (!"date".equals(sort.getParamName()) && !"_lastUpdated".equals(sort.getParamName())) {
                throw new InvalidRequestException("_sort supports date and -date");
            }
            newestFirst = sort.getOrder() == SortOrderEnum.DESC;
        }
        RecordReader.Results results = reader.search(resident, type.getSimpleName(),
                new RecordReader.Criteria(tokens(code), tokens(category), from, to, enc, newestFirst), "SEARCH");
        return new ResultsBundle(results, null, count, elements(includes));
    }

    /**
     * The element each {@code _include} follows: its search parameter's name, which for these parameters is the
     * element's name with the FHIR search naming ({@code has-member} → {@code hasMember}).
     */
    static final List<String> INCLUDABLE = List.of("encounter", "subject", "patient", "result", "imaging-study",
            "medication", "has-member", "derived-from", "service-provider", "location", "goal", "performer",
            "recorder", "requester");

    private static java.util.Set<String> elements(java.util.Set<ca.uhn.fhir.model.api.Include> includes) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (includes == null) {
            return out;
        }
        for (ca.uhn.fhir.model.api.Include i : includes) {
            String param = i.getParamName();
            if (param == null || !INCLUDABLE.contains(param)) {
                throw new InvalidRequestException("_include supports " + String.join(", ", INCLUDABLE)
                        + " (as Type:name), not " + i.getValue());
            }
            out.add(switch (param) {
                case "has-member" -> "hasMember";
                case "derived-from" -> "derivedFrom";
                case "service-provider" -> "serviceProvider";
                case "imaging-study" -> "imagingStudy";
                case "medication" -> "medication";
                default -> param;
            });
        }
        return out;
    }

    private static List<String> tokens(TokenOrListParam list) {
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (TokenParam t : list.getValuesAsQueryTokens()) {
            if (t.getValue() == null || t.getValue().isBlank()) {
                continue;
            }
            out.add(t.getSystem() == null || t.getSystem().isBlank() ? t.getValue() : t.getSystem() + "|"
                    + t.getValue());
        }
        return out.isEmpty() ? null : out;
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name + " must be an id of this server");
        }
    }
}
