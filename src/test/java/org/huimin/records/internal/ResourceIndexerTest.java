package org.huimin.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.huimin.records.ConsentCategory;
import org.huimin.records.RecordKind;
import org.junit.jupiter.api.Test;

/** What the index derives from a resource: kind, time, flags, tokens and sensitivity. */
class ResourceIndexerTest {

    private static final List<SensitivityRules.Rule> RULES = List.of(
            new SensitivityRules.Rule("http://hl7.org/fhir/sid/icd-10", "B20", ConsentCategory.HIV),
            new SensitivityRules.Rule("http://hl7.org/fhir/sid/icd-10", "F", ConsentCategory.MENTAL_HEALTH),
            new SensitivityRules.Rule("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY",
                    ConsentCategory.MENTAL_HEALTH)).stream().sorted(SensitivityRules.STRONGEST_FIRST).toList();

    private final ResourceIndexer indexer = new ResourceIndexer(new SensitivityRules(null) {
        @Override
        ConsentCategory classify(List<Coding> codings) {
            return SensitivityRules.classify(RULES, codings);
        }
    });

    private static Observation lab(String value, Double low, Double high) {
        Observation o = new Observation();
        o.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "laboratory", null));
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "2345-7", "Glucose")));
        o.setEffective(new DateTimeType("2025-03-04T08:30:00+08:00"));
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("mmol/L"));
        if (low != null || high != null) {
            Observation.ObservationReferenceRangeComponent r = o.addReferenceRange();
            if (low != null) {
                r.setLow(new Quantity().setValue(BigDecimal.valueOf(low)));
            }
            if (high != null) {
                r.setHigh(new Quantity().setValue(BigDecimal.valueOf(high)));
            }
        }
        return o;
    }

    @Test
    void aLabResultIsFlaggedAgainstItsReferenceRange() {
        IndexedResource high = indexer.index(lab("7.9", 3.9, 6.1));
        assertThat(high.kind()).isEqualTo(RecordKind.LAB);
        assertThat(high.flag()).isEqualTo("H");
        assertThat(high.valueNum()).isEqualByComparingTo("7.9");
        assertThat(high.unit()).isEqualTo("mmol/L");
        assertThat(high.effectiveAt()).isEqualTo(Instant.parse("2025-03-04T00:30:00Z"));
        assertThat(high.codes()).isEqualTo(" http://loinc.org|2345-7 ");
        assertThat(high.mainCode()).isEqualTo("2345-7");
        assertThat(high.title()).isEqualTo("Glucose");
        assertThat(indexer.index(lab("3.1", 3.9, 6.1)).flag()).isEqualTo("L");
        assertThat(indexer.index(lab("5.0", 3.9, 6.1)).flag()).isEqualTo("N");
        assertThat(indexer.index(lab("5.0", null, null)).flag()).isNull();
        assertThat(indexer.index(lab("3.5", null, 3.4)).flag()).isEqualTo("H");
    }

    @Test
    void theSendersInterpretationWinsOverTheRange() {
        Observation o = lab("5.0", 3.9, 6.1);
        o.addInterpretation().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                "HH", "Critical high"));
        assertThat(indexer.index(o).flag()).isEqualTo("H");
    }

    @Test
    void bloodPressureShowsBothComponents() {
        Observation bp = new Observation();
        bp.addCategory().addCoding(new Coding(null, "vital-signs", null));
        bp.setCode(new CodeableConcept().setText("血压"));
        bp.addComponent().setValue(new Quantity().setValue(BigDecimal.valueOf(138)).setUnit("mmHg"));
        bp.addComponent().setValue(new Quantity().setValue(BigDecimal.valueOf(86)).setUnit("mmHg"));
        IndexedResource i = indexer.index(bp);
        assertThat(i.kind()).isEqualTo(RecordKind.VITAL);
        assertThat(i.valueText()).isEqualTo("138/86");
        assertThat(i.valueNum()).isNull();
        assertThat(i.title()).isEqualTo("血压");
    }

    @Test
    void sensitiveCodesAndLabelsAreClassified() {
        Condition depression = new Condition();
        depression.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", "F32.1", null)));
        assertThat(indexer.index(depression).category()).isEqualTo(ConsentCategory.MENTAL_HEALTH);
        assertThat(indexer.index(depression).kind()).isEqualTo(RecordKind.DIAGNOSIS);
        Condition hiv = new Condition();
        hiv.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cn", "B20.1", null)));
        hiv.getMeta().addSecurity(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY", null));
        assertThat(indexer.index(hiv).category()).isEqualTo(ConsentCategory.HIV);
        Observation labelled = lab("5.0", null, null);
        labelled.getMeta().addSecurity(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY", null));
        assertThat(indexer.index(labelled).category()).isEqualTo(ConsentCategory.MENTAL_HEALTH);
        Condition hypertension = new Condition();
        hypertension.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", "I10",
                null)));
        assertThat(indexer.index(hypertension).category()).isEqualTo(ConsentCategory.GENERAL);
        // a code that merely starts like a rule's system does not match another system
        Condition other = new Condition();
        other.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "F1", null)));
        assertThat(indexer.index(other).category()).isEqualTo(ConsentCategory.GENERAL);
    }

    @Test
    void encountersAndImagingReportsGetTheirKind() {
        Encounter e = new Encounter();
        e.addType().setText("内分泌科门诊");
        e.setPeriod(new Period().setStart(Date.from(Instant.parse("2025-01-02T01:00:00Z"))));
        IndexedResource visit = indexer.index(e);
        assertThat(visit.kind()).isEqualTo(RecordKind.VISIT);
        assertThat(visit.title()).isEqualTo("内分泌科门诊");
        assertThat(visit.effectiveAt()).isEqualTo(Instant.parse("2025-01-02T01:00:00Z"));
        DiagnosticReport d = new DiagnosticReport();
        d.addCategory().addCoding(new Coding("http://loinc.org", "LP29684-5", "Radiology"));
        d.setCode(new CodeableConcept().setText("胸部DR"));
        d.setConclusion("未见异常");
        d.setEncounter(new Reference("Encounter/" + UUID.randomUUID()));
        IndexedResource imaging = indexer.index(d);
        assertThat(imaging.kind()).isEqualTo(RecordKind.IMAGING);
        assertThat(imaging.valueText()).isEqualTo("未见异常");
        assertThat(imaging.encounterId()).isNotNull();
    }

    @Test
    void storedJsonCarriesItsVersionWithoutASecondEncoding() {
        var parser = FhirContext.forR4Cached().newJsonParser();
        Observation o = lab("5.0", null, null);
        o.setId(UUID.randomUUID().toString());
        String plain = parser.encodeResourceToString(o);
        String stored = BundleIngest.withMeta(plain, o, 3, Instant.parse("2026-01-01T00:00:00Z"), parser);
        Observation back = parser.parseResource(Observation.class, stored);
        assertThat(back.getMeta().getVersionId()).isEqualTo("3");
        assertThat(back.getMeta().getLastUpdated()).isEqualTo(Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        o.getMeta().addProfile("http://example.org/profile");
        String withProfile = BundleIngest.withMeta(parser.encodeResourceToString(o), o, 2,
                Instant.parse("2026-01-01T00:00:00Z"), parser);
        Observation back2 = parser.parseResource(Observation.class, withProfile);
        assertThat(back2.getMeta().getVersionId()).isEqualTo("2");
        assertThat(back2.getMeta().getProfile()).hasSize(1);
    }
}
