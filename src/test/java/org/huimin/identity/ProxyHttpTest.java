package org.huimin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Family proxies: children are bound at once, adults accept; permissions and unbinding are enforced. */
class ProxyHttpTest extends HttpTest {

    /** A confirmed resident account of our own, so the demo residents' bindings stay as they are. */
    private record Person(String id, String name, String token, String residentId) {
    }

    private Person person(String name, LocalDate birth) {
        String clerk = api.login("clerk");
        String id = People.idNumber(birth);
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", People.phone(),
                "password", "Proxy2026xx"), clerk);
        assertThat(r.status()).isEqualTo(201);
        return new Person(id, name, api.login(id, "Proxy2026xx"), r.json().get("residentId").asString());
    }

    @Test
    void aChildUnder14IsBoundAtOnceAndTheGuardianCarriesTheirCode() {
        Person mother = person("陈红", LocalDate.of(1988, 5, 4));
        String childId = People.idNumber(LocalDate.now().minusYears(6));
        Response bound = api.post("/api/v1/me/relatives", json("idNumber", childId, "name", "陈小宝", "relation",
                "CHILD"), mother.token());
        assertThat(bound.status()).isEqualTo(201);
        assertThat(bound.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(bound.json().get("minor").asBoolean()).isTrue();
        String child = bound.json().get("residentId").asString();
        assertThat(api.get("/api/v1/residents/" + child + "/health-code", mother.token()).status()).isEqualTo(200);
        // bad input binds nothing
        Response badId = api.post("/api/v1/me/relatives", json("idNumber", "123", "name", "陈小宝", "relation",
                "CHILD"), mother.token());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(api.post("/api/v1/me/relatives", json("idNumber", People.idNumber(LocalDate.now().minusYears(3)),
                "name", "陈小妹"), mother.token()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/relatives", json("idNumber", People.idNumber(LocalDate.now().minusYears(3)),
                "name", "陈小妹", "relation", "COUSIN"), mother.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/relatives", mother.token()).json().get("items").size()).isEqualTo(1);
        // binding twice is a conflict
        assertThat(api.post("/api/v1/me/relatives", json("idNumber", childId, "name", "陈小宝", "relation", "CHILD"),
                mother.token()).status()).isEqualTo(409);
    }

    @Test
    void anAdultMustAcceptAndEitherSideCanEndTheBinding() {
        Person son = person("周强", LocalDate.of(1975, 2, 2));
        Person father = person("周建华", LocalDate.of(1950, 8, 8));
        // the name must match the ID number
        assertThat(api.post("/api/v1/me/relatives", json("idNumber", father.id(), "name", "周某", "relation",
                "PARENT"), son.token()).status()).isEqualTo(404);
        Response requested = api.post("/api/v1/me/relatives", json("idNumber", father.id(), "name", "周建华",
                "relation", "PARENT"), son.token());
        assertThat(requested.json().get("status").asString()).isEqualTo("PENDING");
        String proxyId = requested.json().get("proxyId").asString();
        assertThat(api.get("/api/v1/residents/" + father.residentId() + "/health-code", son.token()).status())
                .isEqualTo(403);

        JsonNode incoming = api.get("/api/v1/me/proxies", father.token()).json().get("items").get(0);
        assertThat(incoming.get("name").asString()).isEqualTo("周强");
        assertThat(incoming.get("status").asString()).isEqualTo("PENDING");
        // only the relative can accept
        assertThat(api.post("/api/v1/me/proxies/" + proxyId + "/accept", "{}", son.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/proxies/" + proxyId + "/accept", "{}", father.token()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/residents/" + father.residentId() + "/health-code", son.token()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/residents/" + father.residentId() + "/health-code/scans", son.token()).status())
                .isEqualTo(200);

        // FHIR RelatedPerson for staff
        Response related = api.get("/fhir/r4/RelatedPerson?patient=" + father.residentId(), api.login("nurse"));
        assertThat(related.json().get("entry").get(0).get("resource").get("relationship").get(0).get("coding").get(0)
                .get("code").asString()).isEqualTo("CHILD");

        // the father revokes
        assertThat(api.send("DELETE", "/api/v1/me/proxies/" + proxyId, null, father.token(), null).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/residents/" + father.residentId() + "/health-code", son.token()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/me/relatives", son.token()).json().get("items").size()).isZero();
    }

    @Test
    void aProxySeesOnlyWhatThePermissionsAllow() {
        Person daughter = person("林芳", LocalDate.of(1980, 1, 1));
        Person mother = person("林老太", LocalDate.of(1945, 1, 1));
        String proxyId = api.post("/api/v1/me/relatives", json("idNumber", mother.id(), "name", "林老太", "relation",
                "PARENT").replace("}", ",\"permissions\":[\"BOOK\"]}"), daughter.token()).json().get("proxyId")
                .asString();
        api.post("/api/v1/me/proxies/" + proxyId + "/accept", "{}", mother.token());
        assertThat(api.get("/api/v1/residents/" + mother.residentId() + "/health-code", daughter.token()).status())
                .isEqualTo(403);
    }

    @Test
    void windowStaffBindAVerifiedProxyAndTheLimitHolds() {
        String clerk = api.login("clerk");
        Person agent = person("吴刚", LocalDate.of(1970, 3, 3));
        Person elder = person("吴奶奶", LocalDate.of(1938, 3, 3));
        Response r = api.post("/api/v1/proxies", json("proxyResidentId", agent.residentId(), "relativeResidentId",
                elder.residentId(), "relation", "PARENT"), clerk);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.post("/api/v1/proxies", json("proxyResidentId", agent.residentId(), "relativeResidentId",
                elder.residentId(), "relation", "PARENT"), agent.token()).status()).isEqualTo(403);
        // five children more reach the limit of six; the seventh is refused and nothing is bound
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/me/relatives", json("idNumber", People.idNumber(LocalDate.now()
                    .minusYears(2 + i)), "name", "吴小" + "一二三四五".charAt(i), "relation", "CHILD"), agent.token())
                    .status()).isEqualTo(201);
        }
        Response over = api.post("/api/v1/me/relatives", json("idNumber", People.idNumber(LocalDate.now()
                .minusYears(9)), "name", "吴小六", "relation", "CHILD"), agent.token());
        assertThat(over.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/me/relatives", agent.token()).json().get("items").size()).isEqualTo(6);
    }
}
