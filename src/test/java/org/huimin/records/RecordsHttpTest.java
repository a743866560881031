package org.huimin.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The shared record over HTTP: institutions send FHIR transactions (all-or-nothing, idempotent), clinicians read
 * only with a care relationship, a consent (by category) or break-glass, residents read theirs and see who read it.
 */
class RecordsHttpTest extends HttpTest {

    static final Path SYNTHEA = Path.of("../shared/data/synthea-r4");
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String CIN = "https://fhir.huimin.org/sid/cin";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Person(String idNumber, String name, String token, String residentId) {
    }

    private Person person(String name) {
        String id = People.adultIdNumber();
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", People.phone(),
                "password", "Records2026x"), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        return new Person(id, name, api.login(id, "Records2026x"), r.json().get("residentId").asString());
    }

    private Response postFhir(String body, String token) {
        return api.send("POST", "/fhir/r4", body, token, null, Map.of());
    }

    private static String synthea(String prefix) throws IOException {
        if (!Files.isDirectory(SYNTHEA)) {
            Assumptions.assumeFalse("true".equals(System.getenv("CI")), "CI must provide ../shared/data");
            Assumptions.abort("../shared/data/synthea-r4 is missing; the Synthea checks need it");
        }
        try (var files = Files.list(SYNTHEA)) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(f);
        }
    }

    /** A small transaction about {@code p}: blood pressure, two glucose results and a depression diagnosis. */
    private static String chineseBundle(Person p) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(CIN).setValue(p.idNumber());
        patient.addName().setText(p.name());
        patient.setGender(AdministrativeGender.UNKNOWN);
        String id = p.idNumber();
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(id.substring(6, 10) + "-" + id.substring(10, 12)
                + "-" + id.substring(12, 14)));
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        b.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        Instant now = Instant.now();
        add(b, glucose(patientUrl, now.minus(Duration.ofDays(60)), "5.4"));
        add(b, glucose(patientUrl, now.minus(Duration.ofDays(10)), "7.9"));
        Condition depression = new Condition();
        depression.setSubject(new Reference(patientUrl));
        depression.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", "F32.1",
                "中度抑郁发作")));
        depression.setRecordedDate(Date.from(now.minus(Duration.ofDays(5))));
        depression.addIdentifier().setSystem("urn:test:his").setValue(UUID.randomUUID().toString());
        add(b, depression);
        return FHIR.newJsonParser().encodeResourceToString(b);
    }

    private static Observation glucose(String patientUrl, Instant at, String value) {
        Observation o = new Observation();
        o.addIdentifier().setSystem("urn:test:lis").setValue(UUID.randomUUID().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "laboratory", "Laboratory"));
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "2345-7", "Glucose"))
                .setText("空腹血糖"));
        o.setSubject(new Reference(patientUrl));
        o.setEffective(new DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("mmol/L"));
        o.addReferenceRange().setLow(new Quantity().setValue(new BigDecimal("3.9")))
                .setHigh(new Quantity().setValue(new BigDecimal("6.1")));
        return o;
    }

    private static void add(Bundle b, Resource r) {
        b.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }

    private static List<String> locations(Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("entry").forEach(e -> out.add(e.get("response").get("location").asString()));
        return out;
    }

    private Set<String> everything(String patientId, String token) {
        Set<String> seen = new HashSet<>();
        String url = "/fhir/r4/Patient/" + patientId + "/$everything?_count=100";
        int pages = 0;
        while (url != null && pages++ < 50) {
            Response r = api.get(url, token);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            Bundle page = FHIR.newJsonParser().parseResource(Bundle.class, r.raw());
            for (Bundle.BundleEntryComponent e : page.getEntry()) {
                String key = e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart();
                assertThat(seen.add(key)).as("duplicate " + key).isTrue();
            }
            url = page.getLink("next") == null ? null : page.getLink("next").getUrl().replace(api.base(), "");
        }
        return seen;
    }

    @Test
    void aSyntheaTransactionLoadsOnceAndReadsBackWhole() throws IOException {
        String bundle = synthea("Abdul_Koepp");
        String his = api.login("his");
        Response first = postFhir(bundle, his);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().get("type").asString()).isEqualTo("transaction-response");
        List<String> locations = locations(first);
        Bundle sent = FHIR.newJsonParser().parseResource(Bundle.class, bundle);
        assertThat(locations).hasSize(sent.getEntry().size());
        String patient = locations.stream().filter(l -> l.startsWith("Patient/")).findFirst().orElseThrow()
                .split("/")[1];
        long clinical = sent.getEntry().stream().map(e -> e.getResource().fhirType())
                .filter(t -> !t.equals("Organization") && !t.equals("Practitioner")).count();
        Set<String> all = everything(patient, his);
        assertThat(all).hasSize((int) clinical);
        // XML goes through HAPI's own operation: the same resources
        Response xml = api.send("GET", "/fhir/r4/Patient/" + patient + "/$everything?_format=xml&_count=1000", null,
                his, null);
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).contains("xml");
        Bundle fromXml = FHIR.newXmlParser().parseResource(Bundle.class, xml.raw());
        assertThat(fromXml.getTotal()).isEqualTo(all.size());
        assertThat(api.get("/fhir/r4/Patient/" + UUID.randomUUID() + "/$everything", his).status()).isEqualTo(404);

        // the same bundle again: same ids, nothing new
        Response again = postFhir(bundle, his);
        assertThat(again.status()).isEqualTo(200);
        assertThat(locations(again).stream().map(l -> l.replaceAll("/_history/.*", "")).toList())
                .isEqualTo(locations.stream().map(l -> l.replaceAll("/_history/.*", "")).toList());
        assertThat(everything(patient, his)).isEqualTo(all);
        String system = sent.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Patient).map(r -> ((Patient) r).getIdentifierFirstRep())
                .map(i -> i.getSystem() + "|" + i.getValue()).findFirst().orElseThrow();
        Response byIdentifier = api.get("/fhir/r4/Patient?identifier=" + URLEncoder.encode(system,
                StandardCharsets.UTF_8), his);
        assertThat(byIdentifier.json().get("entry")).hasSize(1);
        assertThat(byIdentifier.json().get("entry").get(0).get("resource").get("id").asString()).isEqualTo(patient);

        // searches: by code, date range, sort and paging
        Response a1c = api.get("/fhir/r4/Observation?patient=" + patient + "&code=http://loinc.org%7C4548-4"
                + "&_sort=-date&_count=2", his);
        assertThat(a1c.status()).isEqualTo(200);
        Bundle a1cBundle = FHIR.newJsonParser().parseResource(Bundle.class, a1c.raw());
        for (Bundle.BundleEntryComponent e : a1cBundle.getEntry()) {
            assertThat(((Observation) e.getResource()).getCode().getCodingFirstRep().getCode()).isEqualTo("4548-4");
        }
        // _include follows the references to the encounter and the patient, marked as included
        String someCode = sent.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && o.hasEncounter()).map(r -> ((Observation) r).getCode()
                        .getCodingFirstRep().getCode()).findFirst().orElseThrow();
        Response withEncounter = api.get("/fhir/r4/Observation?patient=" + patient + "&code=" + someCode
                + "&_count=3&_include=Observation:encounter&_include=Observation:patient", his);
        assertThat(withEncounter.status()).as(withEncounter.raw()).isEqualTo(200);
        Bundle included = FHIR.newJsonParser().parseResource(Bundle.class, withEncounter.raw());
        assertThat(included.getEntry()).anySatisfy(e -> assertThat(e.getSearch().getMode())
                .isEqualTo(Bundle.SearchEntryMode.MATCH));
        assertThat(included.getEntry()).anySatisfy(e -> {
            assertThat(e.getResource().fhirType()).isEqualTo("Encounter");
            assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
        });
        assertThat(included.getEntry()).anySatisfy(e -> assertThat(e.getResource().fhirType()).isEqualTo("Patient"));
        Response none = api.get("/fhir/r4/Observation?patient=" + patient + "&date=lt1900-01-01", his);
        assertThat(none.json().get("total").asInt()).isZero();
        assertThat(api.get("/fhir/r4/Observation?code=4548-4", his).status()).isEqualTo(400);
        assertThat(api.get("/fhir/r4/Observation?patient=" + patient + "&_include=Observation:nonsense", his)
                .status()).isEqualTo(400);
    }

    @Test
    void everySharedSyntheaBundleLoadsCleanly() throws IOException {
        if (!Files.isDirectory(SYNTHEA)) {
            synthea("");
        }
        String his = api.login("his");
        List<Path> files;
        try (var list = Files.list(SYNTHEA)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int resources = 0;
        for (Path f : files) {
            Response r = postFhir(Files.readString(f), his);
            assertThat(r.status()).as(f.getFileName() + ": " + r.raw().substring(0, Math.min(300, r.raw().length())))
                    .isEqualTo(200);
            resources += r.json().get("entry").size();
        }
        assertThat(resources).isGreaterThan(4000);
    }

    @Test
    void badBundlesAreRefusedWholeAndOnlyInstitutionSystemsMaySend() throws IOException {
        String his = api.login("his");
        Response malformed = postFhir("{\"resourceType\":\"Bundle\",", his);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("resourceType").asString()).isEqualTo("OperationOutcome");

        String good = synthea("Alda_Carter");
        String badStatus = good.replaceFirst("\"status\": ?\"final\"", "\"status\": \"not-a-status\"")
                .replace("\"family\": \"Carter", "\"family\": \"Invalidcarter");
        assertThat(badStatus).contains("not-a-status");
        Response invalid = postFhir(badStatus, his);
        assertThat(invalid.status()).isIn(400, 422);
        assertThat(invalid.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        Bundle sent = FHIR.newJsonParser().parseResource(Bundle.class, good);
        Patient p = (Patient) sent.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Patient).findFirst().orElseThrow();
        String identifier = p.getIdentifierFirstRep().getSystem() + "|" + p.getIdentifierFirstRep().getValue();
        Response absent = api.get("/fhir/r4/Patient?identifier=" + URLEncoder.encode(identifier,
                StandardCharsets.UTF_8), his);
        assertThat(absent.json().has("entry")).isFalse();

        // a reference to nothing in the bundle fails the whole transaction (422), naming the entry
        String dangling = good.replaceFirst("\"reference\": ?\"urn:uuid:[0-9a-f-]+\"",
                "\"reference\": \"urn:uuid:" + UUID.randomUUID() + "\"");
        Response broken = postFhir(dangling, his);
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.raw()).contains("not in the bundle");
        assertThat(api.get("/fhir/r4/Patient?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8),
                his).json().has("entry")).isFalse();

        // a clinician or a resident may not send records
        assertThat(postFhir(good, api.login("doctor")).status()).isEqualTo(403);
        assertThat(postFhir(good, api.login("resident")).status()).isEqualTo(403);
        // deleting through a bundle is refused
        Bundle delete = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        delete.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Observation/" + UUID.randomUUID());
        Response deleted = postFhir(FHIR.newJsonParser().encodeResourceToString(delete), his);
        assertThat(deleted.status()).isEqualTo(422);
        assertThat(deleted.raw()).contains("never deleted");
    }

    @Test
    void aBatchAnswersEachEntryOnItsOwn() {
        Person p = person("批处理甲");
        String his = api.login("his");
        Bundle tx = FHIR.newJsonParser().parseResource(Bundle.class, chineseBundle(p));
        Response loaded = postFhir(FHIR.newJsonParser().encodeResourceToString(tx), his);
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        assertThat(loaded.json().get("entry").get(0).get("response").get("location").asString())
                .startsWith("Patient/" + p.residentId());
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        Observation ok = glucose("Patient/" + p.residentId(), Instant.now(), "6.0");
        batch.addEntry().setResource(ok).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        Observation orphan = glucose("Patient/" + UUID.randomUUID(), Instant.now(), "6.0");
        batch.addEntry().setResource(orphan).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        Response r = postFhir(FHIR.newJsonParser().encodeResourceToString(batch), his);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("type").asString()).isEqualTo("batch-response");
        assertThat(r.json().get("entry").get(0).get("response").get("status").asString()).startsWith("201");
        assertThat(r.json().get("entry").get(1).get("response").get("status").asString()).startsWith("422");
    }

    @Test
    void consentOpensTheRecordByCategoryAndRevocationClosesIt() {
        Person p = person("授权测试甲");
        String his = api.login("his");
        assertThat(postFhir(chineseBundle(p), his).status()).isEqualTo(200);
        String doctor = api.login("doctor");
        JsonNode me = api.get("/api/v1/me", doctor).json();
        String org = me.get("organizationId").asString();

        Response closed = api.get("/fhir/r4/Observation?patient=" + p.residentId(), doctor);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/timeline", doctor).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/access", doctor).json().get("allowed")
                .asBoolean()).isFalse();

        // bad consents change nothing
        assertThat(api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION"), p.token()).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId",
                UUID.randomUUID().toString()), p.token()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId", org,
                "expiresAt", "2020-01-01T00:00:00Z"), p.token()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId", org),
                doctor).status()).isEqualTo(403);

        Response granted = api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId", org),
                p.token());
        assertThat(granted.status()).isEqualTo(201);
        String consentId = granted.json().get("consentId").asString();
        assertThat(granted.json().get("categories").get(0).asString()).isEqualTo("GENERAL");
        assertThat(granted.json().get("granteeName").asString()).endsWith("人民医院");

        // general results are open, the depression diagnosis (ICD-10 F) is not shared by a GENERAL consent
        Response obs = api.get("/fhir/r4/Observation?patient=" + p.residentId(), doctor);
        assertThat(obs.status()).isEqualTo(200);
        assertThat(obs.json().get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/fhir/r4/Condition?patient=" + p.residentId(), doctor).json().get("total").asInt())
                .isZero();
        JsonNode timeline = api.get("/api/v1/records/" + p.residentId() + "/timeline", doctor).json();
        assertThat(timeline.get("total").asInt()).isEqualTo(2);
        assertThat(timeline.get("items").get(0).get("flag").asString()).isEqualTo("H");
        assertThat(timeline.get("items").get(0).get("referenceRange").asString()).contains("3.9").contains("6.1");
        JsonNode trend = api.get("/api/v1/records/" + p.residentId() + "/trends/2345-7", doctor).json();
        assertThat(trend.get("points")).hasSize(2);
        assertThat(trend.get("high").decimalValue()).isEqualByComparingTo("6.1");
        String conditionId = api.get("/fhir/r4/Condition?patient=" + p.residentId(), his).json().get("entry").get(0)
                .get("resource").get("id").asString();
        assertThat(api.get("/fhir/r4/Condition/" + conditionId, doctor).status()).isEqualTo(403);

        // a second consent naming mental health opens the diagnosis
        Response mental = api.post("/api/v1/me/consents", "{\"granteeType\":\"PRACTITIONER\",\"granteeId\":\""
                + me.get("practitionerId").asString() + "\",\"categories\":[\"GENERAL\",\"MENTAL_HEALTH\"]}",
                p.token());
        assertThat(mental.status()).isEqualTo(201);
        assertThat(api.get("/fhir/r4/Condition/" + conditionId, doctor).status()).isEqualTo(200);

        // revoking both closes the record at once; someone else cannot revoke
        assertThat(api.send("DELETE", "/api/v1/me/consents/" + consentId, null, doctor, null).status())
                .isIn(403, 404);
        assertThat(api.send("DELETE", "/api/v1/me/consents/" + consentId, null, p.token(), null).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/consents/" + mental.json().get("consentId").asString(), null,
                p.token(), null).status()).isEqualTo(204);
        assertThat(api.get("/fhir/r4/Observation?patient=" + p.residentId(), doctor).status()).isEqualTo(403);
        JsonNode list = api.get("/api/v1/me/consents", p.token()).json().get("items");
        assertThat(list).allSatisfy(c -> assertThat(c.get("status").asString()).isEqualTo("REVOKED"));

        // the resident sees every read and the refusals, with purpose and basis
        JsonNode log = api.get("/api/v1/me/access-log?size=100", p.token()).json().get("items");
        assertThat(log).anySatisfy(e -> {
            assertThat(e.path("actor").asString("")).isEqualTo("doctor");
            assertThat(e.path("basis").asString("")).isEqualTo("CONSENT");
            assertThat(e.path("purpose").asString("")).isEqualTo("TREATMENT");
            assertThat(e.path("organizationName").asString("")).endsWith("人民医院");
        });
        assertThat(log).anySatisfy(e -> assertThat(e.path("outcome").asString("")).isEqualTo("DENIED"));
        assertThat(log).anySatisfy(e -> assertThat(e.path("action").asString("")).isEqualTo("INGEST"));
        // another resident cannot read this log
        assertThat(api.get("/api/v1/me/access-log?residentId=" + p.residentId(), api.login("resident2")).status())
                .isEqualTo(403);
    }

    @Test
    void breakGlassGrantsTimeLimitedAccessThatTheAuditorReviews() {
        Person p = person("急诊调阅甲");
        assertThat(postFhir(chineseBundle(p), api.login("his")).status()).isEqualTo(200);
        String doctor = api.login("doctor");
        assertThat(api.post("/api/v1/records/" + p.residentId() + "/break-glass", json("reason", "昏迷"), doctor)
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/records/" + p.residentId() + "/break-glass", json("reason",
                "患者昏迷送入急诊，无法取得本人授权，需查看既往病史与用药"), p.token()).status()).isEqualTo(403);
        Response granted = api.post("/api/v1/records/" + p.residentId() + "/break-glass", json("reason",
                "患者昏迷送入急诊，无法取得本人授权，需查看既往病史与用药"), doctor);
        assertThat(granted.status()).isEqualTo(201);
        assertThat(Instant.parse(granted.json().get("expiresAt").asString())).isAfter(Instant.now());
        // everything is open under break-glass, the sensitive diagnosis too
        assertThat(api.get("/fhir/r4/Condition?patient=" + p.residentId(), doctor).json().get("total").asInt())
                .isEqualTo(1);
        JsonNode access = api.get("/api/v1/records/" + p.residentId() + "/access", doctor).json();
        assertThat(access.get("basis").asString()).isEqualTo("BREAK_GLASS");

        assertThat(api.get("/api/v1/records/break-glass", doctor).status()).isEqualTo(403);
        String auditor = api.login("auditor");
        JsonNode pending = api.get("/api/v1/records/break-glass?status=PENDING&size=100", auditor).json();
        JsonNode item = null;
        for (JsonNode i : pending.get("items")) {
            if (i.get("id").asString().equals(granted.json().get("breakGlassId").asString())) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("reads").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(item.get("residentName").asString()).doesNotContain(p.name().substring(1));
        String id = item.get("id").asString();
        assertThat(api.post("/api/v1/records/break-glass/" + id + "/review", json("decision", "UNJUSTIFIED"),
                auditor).status()).isEqualTo(400);
        Response reviewed = api.post("/api/v1/records/break-glass/" + id + "/review", json("decision", "JUSTIFIED",
                "note", "急诊记录属实"), auditor);
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.json().get("status").asString()).isEqualTo("REVIEWED");
        assertThat(api.post("/api/v1/records/break-glass/" + id + "/review", json("decision", "JUSTIFIED"),
                auditor).status()).isEqualTo(409);
        // the same reads as FHIR AuditEvent, for auditors only
        Response events = api.get("/fhir/r4/AuditEvent?entity=" + p.residentId() + "&action=RECORD_SEARCH", auditor);
        assertThat(events.status()).isEqualTo(200);
        Bundle audit = FHIR.newJsonParser().parseResource(Bundle.class, events.raw());
        assertThat(audit.getEntry()).isNotEmpty();
        org.hl7.fhir.r4.model.AuditEvent first = (org.hl7.fhir.r4.model.AuditEvent) audit.getEntryFirstRep()
                .getResource();
        assertThat(first.getAgentFirstRep().getWho().getDisplay()).isEqualTo("doctor");
        assertThat(first.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("EMERGENCY");
        assertThat(first.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + p.residentId());
        assertThat(api.get("/fhir/r4/AuditEvent/" + first.getIdElement().getIdPart(), auditor).status())
                .isEqualTo(200);
        assertThat(api.get("/fhir/r4/AuditEvent?entity=" + p.residentId(), doctor).status()).isEqualTo(403);

        JsonNode log = api.get("/api/v1/me/access-log", p.token()).json().get("items");
        assertThat(log).anySatisfy(e -> {
            assertThat(e.path("basis").asString("")).isEqualTo("BREAK_GLASS");
            assertThat(e.path("purpose").asString("")).isEqualTo("EMERGENCY");
        });
    }

    @Test
    void anAppointmentWithTheDoctorIsACareRelationshipUntilCancelled() throws InterruptedException {
        Person p = person("诊疗关系甲");
        assertThat(postFhir(chineseBundle(p), api.login("his")).status()).isEqualTo(200);
        String doctor = api.login("doctor");
        String practitioner = api.get("/api/v1/me", doctor).json().get("practitionerId").asString();
        JsonNode slot = null;
        for (int d = 1; d <= 7 && slot == null; d++) {
            LocalDate day = LocalDate.now(ZONE).plusDays(d);
            for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&practitionerId=" + practitioner, p.token())
                    .json().get("items")) {
                if (s.get("available").asInt() > 0) {
                    slot = s;
                    break;
                }
            }
        }
        Assumptions.assumeTrue(slot != null, "the demo doctor has no bookable slot this week");
        Response booked = api.post("/api/v1/appointments", json("slotId", slot.get("slotId").asString()), p.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String url = "/api/v1/records/" + p.residentId() + "/access";
        JsonNode access = waitFor(() -> api.get(url, doctor).json(), a -> a.get("allowed").asBoolean());
        assertThat(access.get("basis").asString()).isEqualTo("CARE_RELATIONSHIP");
        assertThat(api.get("/fhir/r4/Observation?patient=" + p.residentId(), doctor).status()).isEqualTo(200);
        // a care relationship shares general data only
        assertThat(api.get("/fhir/r4/Condition?patient=" + p.residentId(), doctor).json().get("total").asInt())
                .isZero();
        Response cancelled = api.post("/api/v1/appointments/" + booked.json().get("appointmentId").asString()
                + "/cancel", "{}", p.token());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        waitFor(() -> api.get(url, doctor).json(), a -> !a.get("allowed").asBoolean());
        assertThat(api.get("/fhir/r4/Observation?patient=" + p.residentId(), doctor).status()).isEqualTo(403);
    }

    @Test
    void theResidentAndAProxyReadTheRecordOthersDoNot() {
        Person p = person("本人调阅甲");
        assertThat(postFhir(chineseBundle(p), api.login("his")).status()).isEqualTo(200);
        JsonNode summary = api.get("/api/v1/records/" + p.residentId() + "/summary", p.token()).json();
        assertThat(summary.get("counts").get("LAB").asInt()).isEqualTo(2);
        assertThat(summary.get("counts").get("DIAGNOSIS").asInt()).isEqualTo(1);
        assertThat(summary.get("organizations").get(0).get("name").asString()).endsWith("人民医院");
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/timeline?kind=DIAGNOSIS", p.token()).json()
                .get("items").get(0).get("category").asString()).isEqualTo("MENTAL_HEALTH");
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/trends", p.token()).json().get("items"))
                .hasSize(1);
        Response export = api.get("/api/v1/records/" + p.residentId() + "/export?format=fhir", p.token());
        assertThat(export.status()).isEqualTo(200);
        Bundle exported = FHIR.newJsonParser().parseResource(Bundle.class, export.raw());
        assertThat(exported.getEntry()).hasSize(4);
        pdf(p);
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/summary", api.login("resident2")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/records/" + p.residentId() + "/summary", api.login("pharmacist")).status())
                .isEqualTo(403);
        // the demo resident holds READ_RECORDS for the elder; resident2 does not
        String elder = api.get("/api/v1/me", api.login("elder")).json().get("residentId").asString();
        assertThat(api.get("/api/v1/records/" + elder + "/summary", api.login("resident")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/records/" + elder + "/summary", api.login("resident2")).status()).isEqualTo(403);
    }

    @Test
    void recognisedResultsArePromptedAndReorderingNeedsAReason() {
        String resident = api.login("resident");
        String elder = api.get("/api/v1/me", api.login("elder")).json().get("residentId").asString();
        String doctor = api.login("doctor");
        assertThat(api.get("/api/v1/records/" + elder + "/recognised", doctor).status()).isEqualTo(403);
        String org = api.get("/api/v1/me", doctor).json().get("organizationId").asString();
        // the elder's proxy grants the consent for her
        Response consent = api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId", org,
                "residentId", elder), resident);
        assertThat(consent.status()).isEqualTo(201);
        try {
            JsonNode recognised = api.get("/api/v1/records/" + elder + "/recognised", doctor).json().get("items");
            List<String> codes = new ArrayList<>();
            recognised.forEach(r -> codes.add(r.get("code").asString()));
            // the county hospital passed quality control: its recent hemoglobin, HbA1c, creatinine and chest X-ray
            assertThat(codes).contains("718-7", "4548-4", "2160-0", "36643-5");
            // old results and the township centre's (not assessed) are not recognised
            assertThat(codes).doesNotContain("1558-6", "29463-7");
            JsonNode hb = null;
            for (JsonNode r : recognised) {
                if (r.get("code").asString().equals("718-7")) {
                    hb = r;
                }
            }
            assertThat(hb.get("organizationName").asString()).endsWith("人民医院");
            assertThat(Instant.parse(hb.get("usableUntil").asString())).isAfter(Instant.now());
            JsonNode one = api.get("/api/v1/records/" + elder + "/recognised?code=http://loinc.org%7C4548-4", doctor)
                    .json().get("items");
            assertThat(one).hasSize(1);
            JsonNode labs = api.get("/api/v1/records/" + elder + "/timeline?kind=LAB&size=100", doctor).json()
                    .get("items");
            assertThat(labs).anySatisfy(i -> {
                assertThat(i.get("code").asString()).isEqualTo("718-7");
                assertThat(i.get("recognised").asBoolean()).isTrue();
            });
            assertThat(labs).anySatisfy(i -> assertThat(i.get("recognised").asBoolean()).isFalse());

            assertThat(api.post("/api/v1/records/" + elder + "/reorders", json("code", "4548-4"), doctor).status())
                    .isEqualTo(400);
            assertThat(api.post("/api/v1/records/" + elder + "/reorders", json("code", "4548-4", "reason", "OTHER"),
                    doctor).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/records/" + elder + "/reorders", json("code", "4548-4", "reason",
                    "CONDITION_CHANGED", "note", "近一周血糖波动大"), resident).status()).isEqualTo(403);
            Response reorder = api.post("/api/v1/records/" + elder + "/reorders", json("code", "4548-4", "reason",
                    "CONDITION_CHANGED", "note", "近一周血糖波动大"), doctor);
            assertThat(reorder.status()).isEqualTo(201);
            assertThat(reorder.json().get("reason").asString()).isEqualTo("CONDITION_CHANGED");
        } finally {
            api.send("DELETE", "/api/v1/me/consents/" + consent.json().get("consentId").asString(), null, resident,
                    null);
        }
    }

    @Test
    void administratorsMaintainTheCatalogueAndQualityStanding() {
        String admin = api.login("admin");
        JsonNode items = api.get("/api/v1/records/recognition/items", api.login("doctor")).json().get("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(20);
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        String body = json("codeSystem", "http://loinc.org", "code", code, "nameZh", "测试项目", "kind", "LAB")
                .replace("}", ",\"validityDays\":30}");
        assertThat(api.post("/api/v1/records/recognition/items", body, api.login("doctor")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/records/recognition/items", json("code", code), admin).status()).isEqualTo(400);
        Response added = api.post("/api/v1/records/recognition/items", body, admin);
        assertThat(added.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/records/recognition/items", body, admin).status()).isEqualTo(409);
        String id = added.json().get("id").asString();
        Response changed = api.send("PUT", "/api/v1/records/recognition/items/" + id,
                "{\"validityDays\":60,\"active\":false}", admin, null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("validityDays").asInt()).isEqualTo(60);
        assertThat(api.send("PUT", "/api/v1/records/recognition/items/" + id, "{\"validityDays\":0}", admin, null)
                .status()).isEqualTo(400);
        JsonNode qualities = api.get("/api/v1/records/recognition/institutions", admin).json().get("items");
        assertThat(qualities).anySatisfy(q -> assertThat(q.get("status").asString()).isEqualTo("PASSED"));
        String centre = api.get("/api/v1/me", api.login("familydoctor")).json().get("organizationId").asString();
        Response set = api.send("PUT", "/api/v1/records/recognition/institutions/" + centre,
                "{\"status\":\"SUSPENDED\",\"note\":\"室间质评未通过，整改中\"}", admin, null);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(api.send("PUT", "/api/v1/records/recognition/institutions/" + UUID.randomUUID(),
                "{\"status\":\"PASSED\"}", admin, null).status()).isEqualTo(404);
    }

    @Test
    void bulkExportWritesNdjsonAsynchronouslyForAdministrators() throws Exception {
        Person p = person("导出测试甲");
        assertThat(postFhir(chineseBundle(p), api.login("his")).status()).isEqualTo(200);
        String admin = api.login("admin");
        Map<String, String> async = Map.of("Prefer", "respond-async");
        assertThat(api.send("GET", "/fhir/r4/$export?_type=Observation", null, api.login("doctor"), null, async)
                .status()).isEqualTo(403);
        assertThat(api.send("GET", "/fhir/r4/$export", null, admin, null, Map.of()).status()).isEqualTo(400);
        assertThat(api.send("GET", "/fhir/r4/$export?_type=Banana", null, admin, null, async).status())
                .isEqualTo(400);
        var http = java.net.http.HttpClient.newHttpClient();
        var kick = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
                + "/fhir/r4/$export?_type=Observation,Condition&_since=2000-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + admin).header("Prefer", "respond-async").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(kick.statusCode()).isEqualTo(202);
        String status = kick.headers().firstValue("Content-Location").orElseThrow().replace(api.base(), "");
        Response done = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            done = api.get(status, admin);
            if (done.status() != 202) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        JsonNode output = done.json().get("output");
        assertThat(output).allSatisfy(o -> assertThat(o.get("type").asString()).isIn("Observation", "Condition"));
        JsonNode observations = null;
        for (JsonNode o : output) {
            if (o.get("type").asString().equals("Observation")) {
                observations = o;
            }
        }
        assertThat(observations.get("count").asInt()).isGreaterThanOrEqualTo(2);
        var file = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(observations.get("url")
                .asString())).header("Authorization", "Bearer " + admin).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
        String[] lines = file.body().split("\n");
        assertThat(lines).hasSize(observations.get("count").asInt());
        assertThat(FHIR.newJsonParser().parseResource(Observation.class, lines[0]).getMeta().getVersionId())
                .isNotBlank();
        assertThat(api.get(status, api.login("doctor")).status()).isEqualTo(403);
        // deleting removes the job and its files
        assertThat(api.send("DELETE", status, null, admin, null).status()).isEqualTo(202);
        assertThat(api.get(status, admin).status()).isEqualTo(404);
    }

    @Test
    void storedResourcesAreValidatedAgainstTheirProfilesInTheBackground() {
        Person p = person("校验测试甲");
        assertThat(postFhir(chineseBundle(p), api.login("his")).status()).isEqualTo(200);
        String admin = api.login("admin");
        assertThat(api.post("/api/v1/records/validation/run?limit=10", "{}", api.login("doctor")).status())
                .isEqualTo(403);
        JsonNode before = api.get("/api/v1/records/validation", admin).json();
        assertThat(before.get("pending").asLong()).isPositive();
        Response run = api.post("/api/v1/records/validation/run?limit=30", "{}", admin);
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        JsonNode after = run.json();
        long checked = before.get("pending").asLong() - after.get("pending").asLong();
        assertThat(checked).isEqualTo(Math.min(30, before.get("pending").asLong()));
        assertThat(after.get("valid").asLong() + after.get("warning").asLong() + after.get("invalid").asLong())
                .isEqualTo(before.get("valid").asLong() + before.get("warning").asLong()
                        + before.get("invalid").asLong() + checked);
        JsonNode invalid = api.get("/api/v1/records/validation/items?outcome=INVALID", admin).json();
        assertThat(invalid.get("total").asLong()).isEqualTo(after.get("invalid").asLong());
        // results as the hospitals send them pass the core profiles (with warnings at most)
        List<String> types = new ArrayList<>();
        api.get("/api/v1/records/validation/items?outcome=VALID&size=200", admin).json().get("items")
                .forEach(i -> types.add(i.get("resourceType").asString()));
        api.get("/api/v1/records/validation/items?outcome=WARNING&size=200", admin).json().get("items")
                .forEach(i -> types.add(i.get("resourceType").asString()));
        assertThat(types).isNotEmpty();
    }

    /** The PDF download: Chinese text with a CJK font of the machine (CI installs one; elsewhere 503 skips). */
    private void pdf(Person p) {
        java.net.http.HttpResponse<byte[]> r;
        try {
            r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.base() + "/api/v1/records/" + p.residentId() + "/export?format=pdf"))
                    .header("Authorization", "Bearer " + p.token()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (r.statusCode() == 503) {
            Assumptions.assumeFalse("true".equals(System.getenv("CI")), "CI installs a CJK font");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("pdf-font-missing");
            return;
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("居民健康档案").contains(p.name()).contains("空腹血糖").contains("人民医院")
                    .contains("偏高").doesNotContain("?");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode waitFor(java.util.function.Supplier<JsonNode> poll,
            java.util.function.Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = poll.get();
        while (!until.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = poll.get();
        }
        assertThat(until.test(last)).as(last.toString()).isTrue();
        return last;
    }
}
