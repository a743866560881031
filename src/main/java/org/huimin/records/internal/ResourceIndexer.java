package org.huimin.records.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.huimin.records.ConsentCategory;
import org.huimin.records.RecordKind;
import org.springframework.stereotype.Component;

/**
 * Derives the index columns of a resource: its kind for the timeline, its clinical time, its code and category
 * tokens for search, a readable title and value, the abnormal flag (the sender's interpretation, else computed from
 * the reference range) and its sensitivity category (from {@link SensitivityRules}).
 */
@Component
class ResourceIndexer {

    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String IMAGING_LOINC = "LP29684-5";

    private final SensitivityRules sensitivity;

    ResourceIndexer(SensitivityRules sensitivity) {
        this.sensitivity = sensitivity;
    }

    IndexedResource index(Resource resource) {
        List<Coding> codes = new ArrayList<>();
        List<Coding> categories = new ArrayList<>();
        CodeableConcept main = null;
        Instant at = null;
        RecordKind kind = RecordKind.OTHER;
        String valueText = null;
        BigDecimal valueNum = null;
        String unit = null;
        String flag = null;
        BigDecimal low = null;
        BigDecimal high = null;
        Reference encounter = null;
        String title = null;
        if (resource instanceof Observation o) {
            main = o.getCode();
            o.getCategory().forEach(c -> categories.addAll(c.getCoding()));
            at = instant(o.getEffective());
            if (at == null && o.hasIssued()) {
                at = o.getIssued().toInstant();
            }
            kind = hasCode(categories, "laboratory") ? RecordKind.LAB
                    : hasCode(categories, "vital-signs") ? RecordKind.VITAL
                    : hasCode(categories, "imaging") ? RecordKind.IMAGING : RecordKind.OTHER;
            encounter = o.getEncounter();
            if (o.hasValueQuantity()) {
                Quantity q = o.getValueQuantity();
                valueNum = q.getValue();
                unit = q.hasUnit() ? q.getUnit() : q.getCode();
                valueText = q.getValue() == null ? null : q.getValue().stripTrailingZeros().toPlainString();
            } else if (o.hasValueCodeableConcept()) {
                valueText = text(o.getValueCodeableConcept());
            } else if (o.hasValueStringType()) {
                valueText = o.getValueStringType().getValue();
            } else if (o.hasComponent()) {
                valueText = components(o);
                unit = o.getComponentFirstRep().hasValueQuantity()
                        ? o.getComponentFirstRep().getValueQuantity().getUnit() : null;
            }
            if (o.hasReferenceRange()) {
                Observation.ObservationReferenceRangeComponent r = o.getReferenceRangeFirstRep();
                low = r.hasLow() ? r.getLow().getValue() : null;
                high = r.hasHigh() ? r.getHigh().getValue() : null;
            }
            flag = flag(o, valueNum, low, high);
        } else if (resource instanceof Encounter e) {
            kind = RecordKind.VISIT;
            e.getType().forEach(t -> codes.addAll(t.getCoding()));
            main = e.hasType() ? e.getTypeFirstRep() : null;
            if (e.hasClass_()) {
                categories.add(e.getClass_());
            }
            at = start(e.getPeriod());
            title = main != null ? text(main) : e.getClass_().getDisplay();
            if (e.hasReasonCode()) {
                valueText = text(e.getReasonCodeFirstRep());
            }
        } else if (resource instanceof Condition c) {
            kind = RecordKind.DIAGNOSIS;
            main = c.getCode();
            c.getCategory().forEach(x -> categories.addAll(x.getCoding()));
            at = c.hasOnset() ? instant(c.getOnset()) : null;
            at = at == null && c.hasRecordedDate() ? c.getRecordedDate().toInstant() : at;
            encounter = c.getEncounter();
            valueText = c.hasClinicalStatus() ? c.getClinicalStatus().getCodingFirstRep().getCode() : null;
        } else if (resource instanceof DiagnosticReport d) {
            main = d.getCode();
            d.getCategory().forEach(x -> categories.addAll(x.getCoding()));
            boolean imaging = categories.stream().anyMatch(x -> IMAGING_LOINC.equals(x.getCode())
                    || "RAD".equals(x.getCode()) || "imaging".equalsIgnoreCase(x.getCode()));
            kind = imaging ? RecordKind.IMAGING : RecordKind.REPORT;
            at = instant(d.getEffective());
            at = at == null && d.hasIssued() ? d.getIssued().toInstant() : at;
            encounter = d.getEncounter();
            valueText = d.hasConclusion() ? cut(d.getConclusion(), 200) : null;
        } else if (resource instanceof ImagingStudy s) {
            kind = RecordKind.IMAGING;
            s.getModality().forEach(codes::add);
            at = s.hasStarted() ? s.getStarted().toInstant() : null;
            encounter = s.getEncounter();
            title = s.hasDescription() ? s.getDescription()
                    : s.hasProcedureCode() ? text(s.getProcedureCodeFirstRep())
                    : s.hasModality() ? s.getModalityFirstRep().getDisplay() : null;
            if (s.hasProcedureCode()) {
                main = s.getProcedureCodeFirstRep();
            }
            valueText = s.hasNumberOfInstances() ? s.getNumberOfInstances() + " images" : null;
        } else if (resource instanceof Procedure p) {
            kind = RecordKind.PROCEDURE;
            main = p.getCode();
            at = p.hasPerformed() ? instant(p.getPerformed()) : null;
            encounter = p.getEncounter();
        } else if (resource instanceof Immunization i) {
            kind = RecordKind.IMMUNIZATION;
            main = i.getVaccineCode();
            at = i.hasOccurrence() ? instant(i.getOccurrence()) : null;
            encounter = i.getEncounter();
        } else if (resource instanceof MedicationRequest m) {
            kind = RecordKind.MEDICATION;
            main = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
            at = m.hasAuthoredOn() ? m.getAuthoredOn().toInstant() : null;
            encounter = m.getEncounter();
            title = main == null && m.hasMedicationReference() ? m.getMedicationReference().getDisplay() : null;
            valueText = m.hasDosageInstruction() && m.getDosageInstructionFirstRep().hasText()
                    ? cut(m.getDosageInstructionFirstRep().getText(), 200) : m.getStatus() == null ? null
                    : m.getStatus().toCode();
        } else if (resource instanceof MedicationDispense m) {
            kind = RecordKind.MEDICATION;
            main = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
            at = m.hasWhenHandedOver() ? m.getWhenHandedOver().toInstant()
                    : m.hasWhenPrepared() ? m.getWhenPrepared().toInstant() : null;
        } else if (resource instanceof MedicationAdministration m) {
            kind = RecordKind.MEDICATION;
            main = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
            at = m.hasEffective() ? instant(m.getEffective()) : null;
        } else if (resource instanceof MedicationStatement m) {
            kind = RecordKind.MEDICATION;
            main = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
            at = m.hasEffective() ? instant(m.getEffective()) : null;
        } else if (resource instanceof AllergyIntolerance a) {
            kind = RecordKind.ALLERGY;
            main = a.getCode();
            a.getCategory().forEach(x -> categories.add(new Coding(null, x.getCode(), null)));
            at = a.hasRecordedDate() ? a.getRecordedDate().toInstant()
                    : a.hasOnset() ? instant(a.getOnset()) : null;
            valueText = a.hasCriticality() ? a.getCriticality().toCode() : null;
        } else if (resource instanceof CarePlan c) {
            kind = RecordKind.CARE_PLAN;
            c.getCategory().forEach(x -> categories.addAll(x.getCoding()));
            main = c.getCategory().stream().filter(x -> x.getCoding().stream()
                    .noneMatch(k -> "assess-plan".equals(k.getCode()))).findFirst().orElse(null);
            at = start(c.getPeriod());
            encounter = c.getEncounter();
            title = c.hasTitle() ? c.getTitle() : null;
        } else if (resource instanceof Goal g) {
            kind = RecordKind.CARE_PLAN;
            title = g.hasDescription() ? text(g.getDescription()) : null;
            at = g.hasStartDateType() ? g.getStartDateType().getValue().toInstant() : null;
            valueText = g.hasLifecycleStatus() ? g.getLifecycleStatus().toCode() : null;
        } else if (resource instanceof DocumentReference d) {
            kind = RecordKind.DOCUMENT;
            main = d.getType();
            d.getCategory().forEach(x -> categories.addAll(x.getCoding()));
            at = d.hasDate() ? d.getDate().toInstant() : null;
            title = d.hasDescription() ? d.getDescription() : null;
        } else if (resource instanceof ServiceRequest s) {
            kind = RecordKind.OTHER;
            main = s.getCode();
            at = s.hasAuthoredOn() ? s.getAuthoredOn().toInstant() : null;
            encounter = s.getEncounter();
        } else if (resource instanceof Claim c) {
            kind = RecordKind.BILLING;
            main = c.getType();
            at = c.hasCreated() ? c.getCreated().toInstant() : start(c.getBillablePeriod());
            valueText = c.hasTotal() && c.getTotal().hasValue() ? c.getTotal().getValue().toPlainString() : null;
            unit = c.hasTotal() ? c.getTotal().getCurrency() : null;
        } else if (resource instanceof ExplanationOfBenefit e) {
            kind = RecordKind.BILLING;
            main = e.getType();
            at = e.hasCreated() ? e.getCreated().toInstant() : start(e.getBillablePeriod());
        }
        if (main != null) {
            codes.addAll(0, main.getCoding());
        }
        if (title == null && main != null) {
            title = text(main);
        }
        if (resource instanceof DomainResource d && d.getMeta().hasSecurity()) {
            categories.addAll(d.getMeta().getSecurity());
        }
        List<Coding> all = new ArrayList<>(codes);
        all.addAll(categories);
        ConsentCategory category = sensitivity.classify(all);
        Coding first = main == null || !main.hasCoding() ? null : main.getCodingFirstRep();
        return new IndexedResource(kind, at, tokens(codes, 2000), tokens(categories, 1000), cut(title, 500),
                cut(valueText, 200), valueNum == null ? null : clamp(valueNum), cut(unit, 64), flag,
                low == null ? null : clamp(low), high == null ? null : clamp(high),
                first == null ? null : cut(first.getCode(), 100), uuid(encounter), category);
    }

    private static String flag(Observation o, BigDecimal value, BigDecimal low, BigDecimal high) {
        if (o.hasInterpretation()) {
            for (Coding c : o.getInterpretationFirstRep().getCoding()) {
                if (c.hasCode()) {
                    String code = c.getCode().toUpperCase(Locale.ROOT);
                    return switch (code) {
                        case "H", "HH", "HU", ">" -> "H";
                        case "L", "LL", "LU", "<" -> "L";
                        case "N" -> "N";
                        case "A", "AA", "POS", "DET" -> "A";
                        default -> null;
                    };
                }
            }
        }
        if (value == null || (low == null && high == null)) {
            return null;
        }
        if (high != null && value.compareTo(high) > 0) {
            return "H";
        }
        if (low != null && value.compareTo(low) < 0) {
            return "L";
        }
        return "N";
    }

    private static String components(Observation o) {
        List<String> parts = new ArrayList<>();
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            if (c.hasValueQuantity() && c.getValueQuantity().hasValue()) {
                parts.add(c.getValueQuantity().getValue().stripTrailingZeros().toPlainString());
            } else if (c.hasValueCodeableConcept()) {
                parts.add(text(c.getValueCodeableConcept()));
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static boolean hasCode(List<Coding> codings, String code) {
        return codings.stream().anyMatch(c -> code.equals(c.getCode())
                && (!c.hasSystem() || OBSERVATION_CATEGORY.equals(c.getSystem())));
    }

    static String text(CodeableConcept c) {
        if (c == null) {
            return null;
        }
        if (c.hasText()) {
            return c.getText();
        }
        return c.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
                .orElse(c.hasCoding() ? c.getCodingFirstRep().getCode() : null);
    }

    private static Instant instant(Type t) {
        if (t instanceof BaseDateTimeType d && d.getValue() != null) {
            return d.getValue().toInstant();
        }
        if (t instanceof Period p) {
            return start(p);
        }
        return null;
    }

    private static Instant start(Period p) {
        if (p == null) {
            return null;
        }
        Date d = p.hasStart() ? p.getStart() : p.hasEnd() ? p.getEnd() : null;
        return d == null ? null : d.toInstant();
    }

    private static String tokens(List<Coding> codings, int max) {
        if (codings.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(" ");
        for (Coding c : codings) {
            if (!c.hasCode()) {
                continue;
            }
            String token = (c.hasSystem() ? c.getSystem() : "") + "|" + c.getCode().replace(' ', '_') + " ";
            if (sb.length() + token.length() > max) {
                break;
            }
            sb.append(token);
        }
        return sb.length() == 1 ? null : sb.toString();
    }

    private static UUID uuid(Reference r) {
        if (r == null || !r.hasReference()) {
            return null;
        }
        String ref = r.getReference();
        int slash = ref.lastIndexOf('/');
        try {
            return UUID.fromString(slash < 0 ? ref : ref.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal clamp(BigDecimal v) {
        BigDecimal max = new BigDecimal("99999999999999");
        return v.abs().compareTo(max) > 0 ? null : v.setScale(Math.min(6, Math.max(0, v.scale())),
                java.math.RoundingMode.HALF_UP);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
