package org.huimin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.account.NewAccount;
import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.records.InstitutionQuality;
import org.huimin.records.RecordIngest;
import org.huimin.shared.PageRequest;
import org.huimin.shared.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The shared-record demo (dataset {@code records-v1}): {@code his}, the system account of the county people's
 * hospital's HIS, which sends records over FHIR; and two years of records for the elder (hypertension and type 2
 * diabetes followed at the county hospital and her township health centre: visits, glucose and HbA1c results, blood
 * pressure, weight, medication, vaccinations, a chest X-ray report, a penicillin allergy) and a few for the demo
 * resident — sent through the same ingestion as an institution's system, so they are what a real feed would leave.
 */
@Component
@ConditionalOnProperty(name = "huimin.demo.enabled", havingValue = "true")
class RecordsDemoData {

    static final String DATASET = "records-v1";
    private static final String LOINC = "http://loinc.org";
    private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String SOURCE = "https://fhir.huimin.org/demo/his";

    private final Directory directory;
    private final AccountManagement accounts;
    private final RecordIngest ingest;
    private final InstitutionQuality quality;

    RecordsDemoData(Directory directory, AccountManagement accounts, RecordIngest ingest,
            InstitutionQuality quality) {
        this.directory = directory;
        this.accounts = accounts;
        this.ingest = ingest;
        this.quality = quality;
    }

    String load(String regionName) {
        String hospitalName = regionName + "人民医院";
        UUID hospital = directory.organizations(Directory.OrganizationQuery.text(hospitalName), new PageRequest(0, 20))
                .items().stream().filter(o -> o.name().equals(hospitalName)).map(Organization::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo hospital " + hospitalName + " is missing"));
        accounts.open(new NewAccount("his", DemoDataLoader.DEMO_PASSWORD, hospitalName + " HIS",
                Set.of(Role.INSTITUTION_SYSTEM), hospital, null, null, null));
        UUID centre = account("familydoctor").organizationId();
        UUID elder = account("elder").residentId();
        UUID resident = account("resident").residentId();
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));

        Bundle fromHospital = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Bundle fromCentre = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String p = "Patient/" + elder;
        add(fromHospital, condition(p, "I10", "原发性高血压", today.minusMonths(26)));
        add(fromHospital, condition(p, "E11.9", "2型糖尿病，不伴有并发症", today.minusMonths(20)));
        add(fromHospital, allergy(p, today.minusMonths(26)));
        add(fromHospital, medication(p, "苯磺酸氨氯地平片 5mg", "每日一次，每次1片，口服", today.minusMonths(26)));
        add(fromHospital, medication(p, "盐酸二甲双胍片 0.5g", "每日两次，每次1片，餐后口服", today.minusMonths(20)));
        add(fromHospital, imaging(p, today.minusMonths(4)));
        // a recent check at the hospital: recognised (互认) results another institution need not repeat
        add(fromHospital, visit(p, "内分泌科门诊复诊", today.minusDays(6)));
        add(fromHospital, lab(p, "718-7", "血红蛋白", 118, "g/L", 115.0, 150.0, today.minusDays(6)));
        add(fromHospital, lab(p, "4548-4", "糖化血红蛋白", 6.7, "%", 4.0, 6.0, today.minusDays(6)));
        add(fromHospital, lab(p, "2160-0", "肌酐", 82, "μmol/L", 45.0, 84.0, today.minusDays(6)));
        double[] glucose = {8.6, 8.1, 7.4, 7.0, 6.8, 6.3, 6.6, 6.2};
        double[] a1c = {8.4, 7.6, 7.1, 6.9, 6.8, 6.6};
        for (int i = 0; i < glucose.length; i++) {
            LocalDate day = today.minusMonths(20).plusMonths(i * 5L / 2);
            add(fromHospital, visit(p, "内分泌科门诊复诊", day));
            add(fromHospital, lab(p, "1558-6", "空腹血糖", glucose[i], "mmol/L", 3.9, 6.1, day));
            if (i < a1c.length) {
                add(fromHospital, lab(p, "4548-4", "糖化血红蛋白", a1c[i], "%", 4.0, 6.0, day));
            }
        }
        int[][] pressure = {{158, 96}, {150, 92}, {146, 90}, {142, 88}, {138, 86}, {136, 84}, {134, 82}, {132, 80}};
        for (int i = 0; i < pressure.length; i++) {
            LocalDate day = today.minusMonths(23).plusMonths(i * 3L);
            add(fromCentre, visit(p, "慢病随访（高血压、糖尿病）", day));
            add(fromCentre, bloodPressure(p, pressure[i][0], pressure[i][1], day));
            add(fromCentre, vital(p, "29463-7", "体重", 63.5 - i * 0.6, "kg", day));
        }
        add(fromCentre, vaccine(p, "流感疫苗（裂解疫苗）", today.minusMonths(2)));
        add(fromCentre, vaccine(p, "23价肺炎球菌多糖疫苗", today.minusMonths(14)));

        String r = "Patient/" + resident;
        add(fromHospital, visit(r, "体检中心健康体检", today.minusMonths(13)));
        add(fromHospital, lab(r, "13457-7", "低密度脂蛋白胆固醇", 3.9, "mmol/L", null, 3.4, today.minusMonths(13)));
        add(fromHospital, visit(r, "体检中心健康体检", today.minusMonths(1)));
        add(fromHospital, lab(r, "13457-7", "低密度脂蛋白胆固醇", 3.2, "mmol/L", null, 3.4, today.minusMonths(1)));
        add(fromCentre, vaccine(r, "流感疫苗（裂解疫苗）", today.minusMonths(2)));

        // the county hospital passed the region's quality control for mutual recognition; the centre is not assessed
        quality.record(hospital, InstitutionQuality.Status.PASSED, today.plusYears(1), "2026年度室间质评合格");
        int sent = fromHospital.getEntry().size() + fromCentre.getEntry().size();
        ingest.ingest(fromHospital, hospital);
        ingest.ingest(fromCentre, centre);
        return "1 institution system account (his), " + sent + " record items for elder and resident";
    }

    private AccountSummary account(String username) {
        return accounts.search(username, new PageRequest(0, 20)).items().stream()
                .filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo account " + username + " is missing"));
    }

    private static void add(Bundle b, Resource r) {
        b.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }

    private static Date at(LocalDate day, int hour) {
        return Date.from(ZonedDateTime.of(day.atTime(hour, 0), ZoneOffset.ofHours(8)).toInstant());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Encounter visit(String patient, String text, LocalDate day) {
        Encounter e = new Encounter();
        e.addIdentifier().setSystem(SOURCE).setValue(id());
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "门诊"));
        e.addType().setText(text);
        e.setSubject(new Reference(patient));
        e.setPeriod(new Period().setStart(at(day, 9)).setEnd(at(day, 10)));
        return e;
    }

    private static Condition condition(String patient, String code, String text, LocalDate day) {
        Condition c = new Condition();
        c.addIdentifier().setSystem(SOURCE).setValue(id());
        c.setSubject(new Reference(patient));
        c.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        c.setCode(new CodeableConcept().addCoding(new Coding(ICD10, code, text)).setText(text));
        c.setRecordedDate(at(day, 10));
        c.setOnset(new DateTimeType(at(day, 10)));
        return c;
    }

    private static Observation lab(String patient, String code, String text, double value, String unit, Double low,
            Double high, LocalDate day) {
        Observation o = observation(patient, "laboratory", code, text, day);
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit));
        Observation.ObservationReferenceRangeComponent range = o.addReferenceRange();
        if (low != null) {
            range.setLow(new Quantity().setValue(BigDecimal.valueOf(low)).setUnit(unit));
        }
        if (high != null) {
            range.setHigh(new Quantity().setValue(BigDecimal.valueOf(high)).setUnit(unit));
        }
        return o;
    }

    private static Observation vital(String patient, String code, String text, double value, String unit,
            LocalDate day) {
        Observation o = observation(patient, "vital-signs", code, text, day);
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP))
                .setUnit(unit));
        return o;
    }

    private static Observation bloodPressure(String patient, int systolic, int diastolic, LocalDate day) {
        Observation o = observation(patient, "vital-signs", "85354-9", "血压", day);
        o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8480-6", "收缩压")))
                .setValue(new Quantity().setValue(BigDecimal.valueOf(systolic)).setUnit("mmHg"));
        o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8462-4", "舒张压")))
                .setValue(new Quantity().setValue(BigDecimal.valueOf(diastolic)).setUnit("mmHg"));
        return o;
    }

    private static Observation observation(String patient, String category, String code, String text,
            LocalDate day) {
        Observation o = new Observation();
        o.addIdentifier().setSystem(SOURCE).setValue(id());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding(new Coding(CATEGORY, category, null));
        o.setCode(new CodeableConcept().addCoding(new Coding(LOINC, code, text)).setText(text));
        o.setSubject(new Reference(patient));
        o.setEffective(new DateTimeType(at(day, 9)));
        return o;
    }

    private static AllergyIntolerance allergy(String patient, LocalDate day) {
        AllergyIntolerance a = new AllergyIntolerance();
        a.addIdentifier().setSystem(SOURCE).setValue(id());
        a.setPatient(new Reference(patient));
        a.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        a.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        a.setCode(new CodeableConcept().setText("青霉素"));
        a.setRecordedDate(at(day, 10));
        return a;
    }

    private static MedicationRequest medication(String patient, String drug, String dosage, LocalDate day) {
        MedicationRequest m = new MedicationRequest();
        m.addIdentifier().setSystem(SOURCE).setValue(id());
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept().setText(drug));
        m.setSubject(new Reference(patient));
        m.setAuthoredOn(at(day, 10));
        m.addDosageInstruction().setText(dosage);
        return m;
    }

    private static Immunization vaccine(String patient, String text, LocalDate day) {
        Immunization i = new Immunization();
        i.addIdentifier().setSystem(SOURCE).setValue(id());
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        i.setVaccineCode(new CodeableConcept().setText(text));
        i.setPatient(new Reference(patient));
        i.setOccurrence(new DateTimeType(at(day, 10)));
        return i;
    }

    private static DiagnosticReport imaging(String patient, LocalDate day) {
        DiagnosticReport d = new DiagnosticReport();
        d.addIdentifier().setSystem(SOURCE).setValue(id());
        d.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        d.addCategory().addCoding(new Coding(LOINC, "LP29684-5", "Radiology"));
        d.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "36643-5", "胸部X线正侧位")).setText("胸部DR正侧位"));
        d.setSubject(new Reference(patient));
        d.setEffective(new DateTimeType(at(day, 11)));
        d.setConclusion("双肺纹理增多，未见明显实变；心影不大。印象：慢性支气管炎改变可能，建议随访。");
        return d;
    }
}
