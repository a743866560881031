package org.huimin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The master index: resolution, the review queue, merge with history and undo, and FHIR Patient. */
class EmpiHttpTest extends HttpTest {

    /** A woman registered at a window (the matcher weighs sex, so it must be the one the records give). */
    private String registered(String name, LocalDate birth, String phone, String address) {
        String id = People.idNumber(birth, false);
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", phone, "address",
                address), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("residentId").asString();
    }

    private Response resolve(String token, String name, String sex, LocalDate birth, String phone, String address) {
        return api.post("/api/v1/empi/resolve", json("name", name, "sex", sex, "birthDate", birth.toString(),
                "phone", phone, "address", address), token);
    }

    @Test
    void identifiersFirstThenDemographics() {
        String clerk = api.login("clerk");
        LocalDate birth = LocalDate.of(1966, 7, 21);
        String phone = People.phone();
        String existing = registered("张秀兰", birth, phone, "中安街道胜境社区3组12号");
        // same name in pinyin (a homophone), same birth date and phone: a match
        Response match = resolve(clerk, "张秀岚", "FEMALE", birth, phone, "中安街道胜境社区3组12号");
        assertThat(match.json().get("outcome").asString()).isEqualTo("MATCH");
        assertThat(match.json().get("residentId").asString()).isEqualTo(existing);
        // a document attached once identifies the person next time
        Response withMrn = api.post("/api/v1/empi/resolve", "{\"name\":\"张秀兰\",\"sex\":\"FEMALE\",\"birthDate\":\""
                + birth + "\",\"phone\":\"" + phone + "\",\"documents\":[{\"type\":\"MRN\",\"issuer\":\"county-hospital\","
                + "\"value\":\"MR" + phone + "\"}]}", clerk);
        assertThat(withMrn.json().get("residentId").asString()).isEqualTo(existing);
        Response byMrn = api.post("/api/v1/empi/resolve", "{\"name\":\"张XL\",\"sex\":\"FEMALE\",\"birthDate\":\""
                + "2000-01-01\",\"documents\":[{\"type\":\"MRN\",\"issuer\":\"county-hospital\",\"value\":\"MR" + phone
                + "\"}]}", clerk);
        assertThat(byMrn.json().get("outcome").asString()).isEqualTo("IDENTIFIED");
        assertThat(byMrn.json().get("residentId").asString()).isEqualTo(existing);
        // someone new
        Response none = resolve(clerk, "欧阳新生", "MALE", LocalDate.now().minusDays(3), null, null);
        assertThat(none.json().get("outcome").asString()).isEqualTo("NO_MATCH");
        // bad input changes nothing
        Response bad = api.post("/api/v1/empi/resolve", "{\"name\":\"\",\"phone\":\"12\"}", clerk);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("name", "sex", "birthDate",
                "phone");
        assertThat(resolve(api.login("resident"), "x", "MALE", birth, null, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/empi/reviews", api.login("nurse")).status()).isEqualTo(403);
    }

    @Test
    void uncertainPairsAreReviewedMergedWithHistoryAndUnmerged() {
        String clerk = api.login("clerk");
        LocalDate birth = LocalDate.of(1952, 11, 2);
        String existing = registered("刘桂芳", birth, People.phone(), "竹园镇5组8号");
        // a record without an ID number: a homophone in the given name, birth date and sex agree, but the phone and
        // the address differ — the matcher cannot decide
        Response possible = resolve(clerk, "刘贵芳", "FEMALE", birth, People.phone(), "中安街道3组1号");
        assertThat(possible.json().get("outcome").asString()).isEqualTo("POSSIBLE_MATCH");
        String incoming = possible.json().get("residentId").asString();
        String reviewId = possible.json().get("reviewId").asString();

        JsonNode review = null;
        for (JsonNode r : api.get("/api/v1/empi/reviews?size=100", clerk).json().get("items")) {
            if (r.get("reviewId").asString().equals(reviewId)) {
                review = r;
            }
        }
        assertThat(review).isNotNull();
        assertThat(review.get("left").get("residentId").asString()).isEqualTo(existing);
        assertThat(review.get("fields").findValuesAsString("field")).contains("name", "birthDate");

        // the survivor must hold the ID number
        Response wrongSurvivor = api.post("/api/v1/empi/reviews/" + reviewId + "/decision", json("decision", "MERGE",
                "survivorId", incoming, "reason", "同一人"), clerk);
        assertThat(wrongSurvivor.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/empi/reviews/" + reviewId + "/decision", json("decision", "MERGE",
                "survivorId", existing, "reason", ""), clerk).status()).isEqualTo(400);
        Response merged = api.post("/api/v1/empi/reviews/" + reviewId + "/decision", json("decision", "MERGE",
                "survivorId", existing, "reason", "核对身份证后确认同一人"), clerk);
        assertThat(merged.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/empi/reviews/" + reviewId + "/decision", json("decision", "KEEP_APART",
                "reason", "again"), clerk).status()).isEqualTo(409);

        String nurse = api.login("nurse");
        JsonNode old = api.get("/fhir/r4/Patient/" + incoming, nurse).json();
        assertThat(old.get("active").asBoolean()).isFalse();
        assertThat(old.get("link").get(0).get("type").asString()).isEqualTo("replaced-by");
        assertThat(old.get("link").get(0).get("other").get("reference").asString()).isEqualTo("Patient/" + existing);
        JsonNode survivor = api.get("/fhir/r4/Patient/" + existing, nurse).json();
        assertThat(survivor.get("link").get(0).get("type").asString()).isEqualTo("replaces");

        JsonNode merge = api.get("/api/v1/empi/merges", clerk).json().get("items").get(0);
        assertThat(merge.get("merged").get("residentId").asString()).isEqualTo(incoming);
        String mergeId = merge.get("mergeId").asString();
        assertThat(api.post("/api/v1/empi/merges/" + mergeId + "/undo", json("reason", ""), clerk).status())
                .isEqualTo(400);
        assertThat(api.get("/fhir/r4/Patient/" + incoming, nurse).json().get("active").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/empi/merges/" + mergeId + "/undo", json("reason", "误合并"), clerk).status())
                .isEqualTo(200);
        assertThat(api.get("/fhir/r4/Patient/" + incoming, nurse).json().get("active").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/empi/merges/" + mergeId + "/undo", json("reason", "again"), clerk).status())
                .isEqualTo(409);
    }

    @Test
    void fhirPatientSearchAndMatch() {
        String nurse = api.login("nurse");
        LocalDate birth = LocalDate.of(1979, 4, 30);
        String id = People.idNumber(birth, true);
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", "欧阳明远", "phone", People.phone()),
                api.login("clerk"));
        String residentId = r.json().get("residentId").asString();

        JsonNode bare = api.get("/fhir/r4/Patient?identifier=" + id, nurse).json();
        assertThat(bare.get("entry").size()).isEqualTo(1);
        JsonNode patient = bare.get("entry").get(0).get("resource");
        assertThat(patient.get("id").asString()).isEqualTo(residentId);
        assertThat(patient.get("name").get(0).get("family").asString()).isEqualTo("欧阳");
        String system = patient.get("identifier").get(0).get("system").asString();
        JsonNode bySystem = api.get("/fhir/r4/Patient?identifier=" + system + "%7C" + id, nurse).json();
        assertThat(bySystem.get("entry").size()).isEqualTo(1);
        assertThat(api.get("/fhir/r4/Patient?identifier=urn:other%7C" + id, nurse).json().get("total").asInt())
                .isZero();
        JsonNode byName = api.get("/fhir/r4/Patient?name=欧阳明&birthdate=" + birth, nurse).json();
        assertThat(byName.get("entry").get(0).get("resource").get("id").asString()).isEqualTo(residentId);

        String params = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"欧阳明远\"}],\"gender\":\"male\","
                + "\"birthDate\":\"" + birth + "\"}}]}";
        Response match = api.send("POST", "/fhir/r4/Patient/$match", params, nurse, null);
        assertThat(match.status()).isEqualTo(200);
        JsonNode first = match.json().get("entry").get(0);
        assertThat(first.get("resource").get("id").asString()).isEqualTo(residentId);
        assertThat(first.get("search").get("extension").get(0).get("valueCode").asString())
                .isIn("probable", "possible", "certain");

        // residents may read only their own Patient; nobody lists the whole index
        String resident = api.login("resident");
        assertThat(api.get("/fhir/r4/Patient?identifier=" + id, resident).status()).isEqualTo(403);
        assertThat(api.get("/fhir/r4/Patient/" + residentId, resident).status()).isEqualTo(403);
        assertThat(api.get("/fhir/r4/Patient", nurse).status()).isEqualTo(400);
    }
}
