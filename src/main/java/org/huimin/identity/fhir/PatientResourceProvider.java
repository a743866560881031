package org.huimin.identity.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.huimin.identity.internal.PatientIndex;
import org.huimin.shared.PageResult;
import org.huimin.shared.Sex;
import org.huimin.shared.fhir.PagedBundle;
import org.springframework.stereotype.Component;

/**
 * FHIR Patient over the master index: read, search by identifier ({@code system|value} or a bare value; the CIN
 * system, or an institution's own system for identifiers that arrived over FHIR), name,
 * birthdate and gender, and {@code $match} with the configured probabilistic matcher.
 */
@Component
class PatientResourceProvider implements IResourceProvider {

    static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";

    private final PatientIndex index;
    private final PatientTranslator translator;
    private final PatientAccess access;

    PatientResourceProvider(PatientIndex index, PatientTranslator translator, PatientAccess access) {
        this.index = index;
        this.translator = translator;
        this.access = access;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        UUID uuid = parse(id);
        access.requireRead("PATIENT_READ", "Patient", uuid);
        return index.find(uuid).map(translator::toFhir).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender) {
        access.requireStaff("PATIENT_SEARCH", "Patient", identifier != null ? "by identifier" : "by demographics");
        if (identifier != null && identifier.getValue() != null) {
            List<PatientIndex.Patient> found = index.byIdentifier(identifier.getSystem(), identifier.getValue(),
                    translator.cinSystem()).stream().toList();
            return new PagedBundle<>(page -> new PageResult<>(page.page() == 0 ? found : List.of(), found.size(),
                    page.page(), page.size()), translator::toFhir, p -> true);
        }
        if (name == null && birthdate == null && gender == null) {
            throw new InvalidRequestException("Give identifier, name, birthdate or gender: the master index is not "
                    + "listed whole");
        }
        LocalDate birth = birthdate == null ? null
                : birthdate.getValue().toInstant().atZone(ZoneOffset.ofHours(8)).toLocalDate();
        if (birthdate != null && birthdate.getValueAsString() != null && birthdate.getValueAsString().length() == 10) {
            birth = LocalDate.parse(birthdate.getValueAsString());
        }
        Sex sex = gender == null ? null : sex(gender.getValue());
        String prefix = name == null ? null : name.getValue();
        LocalDate b = birth;
        return new PagedBundle<>(page -> index.search(prefix, b, sex, page), translator::toFhir, p -> true);
    }

    @Operation(name = "$match", idempotent = false, type = Patient.class)
    public Bundle match(@OperationParam(name = "resource", min = 1) Patient resource,
            @OperationParam(name = "onlyCertainMatches") BooleanType onlyCertain,
            @OperationParam(name = "count") IntegerType count) {
        access.requireStaff("PATIENT_MATCH", "Patient", "$match");
        if (resource == null) {
            throw new InvalidRequestException("Parameter 'resource' (a Patient) is required");
        }
        String idNumber = resource.getIdentifier().stream()
                .filter(i -> i.getSystem() == null || i.getSystem().equals(translator.cinSystem()))
                .map(Identifier::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
        String name = resource.hasName() ? (resource.getNameFirstRep().hasText() ? resource.getNameFirstRep().getText()
                : resource.getNameFirstRep().getFamily() + resource.getNameFirstRep().getGivenAsSingleString()) : null;
        LocalDate birth = resource.hasBirthDate()
                ? LocalDate.parse(resource.getBirthDateElement().getValueAsString().substring(0, 10)) : null;
        if (idNumber == null && (name == null || birth == null)) {
            throw new InvalidRequestException("$match needs an identifier, or a name and a birth date");
        }
        Sex sex = resource.hasGender() ? sex(resource.getGender().toCode()) : null;
        String phone = resource.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE).map(ContactPoint::getValue)
                .findFirst().orElse(null);
        String address = resource.hasAddress() ? resource.getAddressFirstRep().getText() : null;
        int limit = count == null || count.getValue() == null ? 10 : Math.max(1, Math.min(50, count.getValue()));
        boolean certainOnly = onlyCertain != null && Boolean.TRUE.equals(onlyCertain.getValue());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (PatientIndex.Scored s : index.match(idNumber, name, sex, birth, phone, address, limit)) {
            if (certainOnly && !"certain".equals(s.grade())) {
                continue;
            }
            Bundle.BundleEntryComponent e = bundle.addEntry().setResource(translator.toFhir(s.patient()))
                    .setFullUrl("Patient/" + s.patient().id());
            // the matcher's score is a log2 likelihood ratio; as a probability at even prior odds it is in (0, 1)
            double probability = "certain".equals(s.grade()) ? 1.0 : 1.0 / (1.0 + Math.pow(2, -s.score()));
            e.getSearch().setMode(Bundle.SearchEntryMode.MATCH)
                    .setScore(java.math.BigDecimal.valueOf(probability).setScale(4, java.math.RoundingMode.HALF_UP))
                    .addExtension(MATCH_GRADE, new CodeType(s.grade()));
        }
        bundle.setTotal(bundle.getEntry().size());
        return bundle;
    }

    private static Sex sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toLowerCase(java.util.Locale.ROOT)) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
    }

    static UUID parse(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
    }
}
