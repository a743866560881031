package org.huimin.scheduling.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.huimin.support.Api;
import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Smart triage over HTTP: the contract examples, validation, languages and the knowledge endpoints. */
class TriageHttpTest extends HttpTest {

    private static String body(Object... pairs) {
        ObjectNode node = Api.json().createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v instanceof Integer n) {
                node.put((String) pairs[i], n);
            } else if (v instanceof Boolean b) {
                node.put((String) pairs[i], b);
            } else if (v instanceof JsonNode j) {
                node.set((String) pairs[i], j);
            } else {
                node.put((String) pairs[i], (String) v);
            }
        }
        return node.toString();
    }

    private Response triage(String json, String token) {
        return api.post("/api/v1/triage", json, token);
    }

    private static List<String> codes(JsonNode departments) {
        List<String> out = new ArrayList<>();
        departments.forEach(d -> out.add(d.get("code").asString()));
        return out;
    }

    private static List<String> fields(Response problem) {
        List<String> out = new ArrayList<>();
        problem.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void chestPainWithSweatingAndArmNumbnessIsARedFlag() {
        String resident = api.login("resident");
        Response r = triage("{\"text\":\"胸口痛，出冷汗，左手臂发麻\",\"age\":58,\"sex\":\"M\"}", resident);
        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("redFlag").asBoolean()).isTrue();
        assertThat(json.get("advice").asString()).contains("120");
        JsonNode departments = json.get("departments");
        assertThat(departments.size()).isGreaterThanOrEqualTo(2);
        assertThat(departments.get(0).get("code").asString()).isEqualTo("20");
        assertThat(departments.get(0).get("name").asString()).contains("急诊");
        assertThat(departments.get(0).get("score").asDouble()).isGreaterThan(departments.get(1).get("score").asDouble());
        assertThat(departments.get(1).get("code").asString()).isEqualTo("03");
        assertThat(departments.get(1).get("name").asString()).isEqualTo("内科");
        assertThat(departments.get(1).get("specialties").get(0).get("name").asString()).isEqualTo("心血管内科");
        assertThat(departments.get(1).get("reasons").toString()).contains("chest-pain");
        JsonNode flag = json.get("redFlags").get(0);
        assertThat(flag.get("code").asString()).isEqualTo("acs");
        assertThat(flag.get("name").asString()).contains("心肌梗死");
        assertThat(flag.get("advice").asString()).contains("120");
        JsonNode chest = json.get("matchedSymptoms").get(0);
        assertThat(chest.get("code").asString()).isEqualTo("chest-pain");
        assertThat(chest.get("name").asString()).isEqualTo("胸痛");
        assertThat(chest.get("text").asString()).isEqualTo("胸口痛");
        assertThat(chest.get("start").asInt()).isZero();
        assertThat(chest.get("end").asInt()).isEqualTo(3);
        assertThat(json.get("disclaimer").asString()).contains("不是诊断");
    }

    @Test
    void aChildsCoughGoesToPaediatrics() {
        String resident = api.login("resident");
        Response r = triage("{\"text\":\"孩子咳嗽流鼻涕两天\",\"age\":4}", resident);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("redFlag").asBoolean()).isFalse();
        assertThat(r.json().get("redFlags").size()).isZero();
        JsonNode first = r.json().get("departments").get(0);
        assertThat(first.get("name").asString()).contains("儿");
        assertThat(first.get("code").asString()).isEqualTo("07");
        assertThat(r.json().get("advice").asString()).contains("儿科");
        assertThat(r.json().get("matchedSymptoms").toString()).contains("cough", "runny-nose");
        // any logged-in user may ask, staff too
        assertThat(triage("{\"text\":\"牙疼\"}", api.login("nurse")).json().get("departments").get(0).get("code")
                .asString()).isEqualTo("12");
        // but not an anonymous caller
        assertThat(triage("{\"text\":\"牙疼\"}", null).status()).isEqualTo(401);
    }

    @Test
    void negatedSymptomsAreReportedApart() {
        Response r = triage(body("text", "不发烧，没有胸痛，就是嗓子疼", "age", 30), api.login("resident"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("matchedSymptoms").toString()).contains("sore-throat").doesNotContain("fever");
        assertThat(codes(r.json().get("negatedSymptoms"))).containsExactly("fever", "chest-pain");
        assertThat(codes(r.json().get("departments")).get(0)).isEqualTo("11");
    }

    @Test
    void badInputIsAProblemWithFieldErrors() {
        String resident = api.login("resident");
        Response missing = triage("{\"age\":30}", resident);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("type").asString()).endsWith("/validation");
        assertThat(fields(missing)).containsExactly("text");
        assertThat(fields(triage(body("text", "   "), resident))).containsExactly("text");
        Response tooLong = triage(body("text", "咳".repeat(501)), resident);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("text");
        assertThat(triage(body("text", "咳".repeat(500)), resident).status()).isEqualTo(200);
        Response all = triage(body("text", "", "age", 131, "sex", "X"), resident);
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.isProblem()).isTrue();
        assertThat(fields(all)).containsExactly("text", "age", "sex");
        assertThat(fields(triage(body("text", "咳嗽", "age", -1), resident))).containsExactly("age");
        assertThat(triage(body("text", "咳嗽", "age", 0, "sex", "F"), resident).status()).isEqualTo(200);
        assertThat(triage(body("text", "咳嗽", "age", 130, "sex", "M"), resident).status()).isEqualTo(200);
        Response english = api.send("POST", "/api/v1/triage", body("text", "咳嗽", "sex", "X"), resident, "en");
        assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo(
                "is not one of the allowed values");
        assertThat(triage("{not json", resident).status()).isEqualTo(400);
    }

    @Test
    void adviceFollowsAcceptLanguage() {
        String resident = api.login("resident");
        Response en = api.send("POST", "/api/v1/triage", body("text", "胸口痛，出冷汗，左手臂发麻", "age", 58, "sex", "M"),
                resident, "en");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.json().get("advice").asString()).contains("call 120").contains("emergency department");
        assertThat(en.json().get("redFlags").get(0).get("name").asString()).contains("heart attack");
        assertThat(en.json().get("matchedSymptoms").get(0).get("name").asString()).isEqualTo("Chest pain");
        assertThat(en.json().get("departments").get(0).get("name").asString()).contains("急诊");
        assertThat(en.json().get("departments").get(0).get("displayName").asString()).isEqualTo("Emergency medicine");
        assertThat(en.json().get("disclaimer").asString()).contains("not a diagnosis");
        Response visit = api.send("POST", "/api/v1/triage", body("text", "牙疼"), resident, "en");
        assertThat(visit.json().get("advice").asString()).isEqualTo("We suggest you see Stomatology (dental).");
        Response zh = api.send("POST", "/api/v1/triage", body("text", "牙疼"), resident, "zh-CN");
        assertThat(zh.json().get("advice").asString()).isEqualTo("建议前往口腔科就诊。");
        Response hotline = api.send("POST", "/api/v1/triage", body("text", "我不想活了"), resident, "en");
        assertThat(hotline.json().get("redFlags").get(0).get("hotline").asString()).isEqualTo("12356");
    }

    @Test
    void administratorsExtendTheKnowledgeBaseAtRunTime() {
        String resident = api.login("resident");
        String admin = api.login("admin");
        String scheduler = api.login("scheduler");
        String phrase = "老跑茅房";
        Response before = triage(body("text", phrase, "age", 40), resident);
        assertThat(before.json().get("matchedSymptoms").size()).isZero();
        assertThat(codes(before.json().get("departments"))).containsExactly("02");

        // residents may neither add nor read the knowledge base
        String addition = body("term", "腹泻", "synonyms", Api.json().createArrayNode().add(phrase));
        assertThat(api.post("/api/v1/triage/knowledge", addition, resident).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/triage/knowledge", resident).status()).isEqualTo(403);

        Response added = api.post("/api/v1/triage/knowledge", addition, admin);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("code").asString()).isEqualTo("diarrhea");
        assertThat(added.json().get("source").asString()).isEqualTo("ADDED");
        String id = added.json().get("id").asString();

        Response after = triage(body("text", phrase + "，三天了", "age", 40), resident);
        assertThat(after.json().get("matchedSymptoms").get(0).get("code").asString()).isEqualTo("diarrhea");
        assertThat(after.json().get("matchedSymptoms").get(0).get("text").asString()).isEqualTo(phrase);
        assertThat(codes(after.json().get("departments")).get(0)).isEqualTo("03");

        // the list shows it, filtered by the phrase; bundled terms are listed too
        JsonNode listed = api.get("/api/v1/triage/knowledge?q=" + java.net.URLEncoder.encode(phrase,
                java.nio.charset.StandardCharsets.UTF_8), scheduler).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);
        JsonNode bundled = api.get("/api/v1/triage/knowledge?q=chest-pain", admin).json();
        assertThat(bundled.get("items").get(0).get("source").asString()).isEqualTo("BUNDLED");
        assertThat(api.get("/api/v1/triage/knowledge?size=5&page=1", admin).json().get("items").size())
                .isEqualTo(5);

        // a scheduler adds a new term that is a red flag on its own
        Response heat = api.post("/api/v1/triage/knowledge", body("term", "中暑", "nameEn", "Heat stroke",
                "synonyms", Api.json().createArrayNode().add("热射病").add("中暑"),
                "departments", Api.json().createObjectNode().put("20", 1.0).put("03", 0.5),
                "redFlag", true, "advice", "立即拨打120，转移到阴凉处降温", "adviceEn", "Call 120 and cool the person"),
                scheduler);
        assertThat(heat.status()).isEqualTo(201);
        Response hot = api.send("POST", "/api/v1/triage", body("text", "好像热射病了"), resident, "en");
        assertThat(hot.json().get("redFlag").asBoolean()).isTrue();
        assertThat(hot.json().get("redFlags").get(0).get("advice").asString()).isEqualTo("Call 120 and cool the person");
        assertThat(hot.json().get("matchedSymptoms").get(0).get("name").asString()).isEqualTo("Heat stroke");

        // delete works and the engine forgets the phrase
        assertThat(api.send("DELETE", "/api/v1/triage/knowledge/" + id, null, resident, null).status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/triage/knowledge/" + id, null, admin, null).status()).isEqualTo(204);
        assertThat(triage(body("text", phrase, "age", 40), resident).json().get("matchedSymptoms").size()).isZero();
        Response gone = api.send("DELETE", "/api/v1/triage/knowledge/" + id, null, admin, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
        assertThat(api.send("DELETE", "/api/v1/triage/knowledge/" + heat.json().get("id").asString(), null, scheduler,
                null).status()).isEqualTo(204);
        assertThat(triage(body("text", "好像热射病了"), resident).json().get("redFlag").asBoolean()).isFalse();

        // both changes are in the audit log
        String auditor = api.login("auditor");
        assertThat(api.get("/api/v1/audit/entries?action=TRIAGE_TERM_ADD&resourceId=" + id, auditor).json()
                .get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit/entries?action=TRIAGE_TERM_DELETE&resourceId=" + id, auditor).json()
                .get("total").asInt()).isEqualTo(1);
    }

    @Test
    void badKnowledgeIsAProblemWithFieldErrors() {
        String admin = api.login("admin");
        Response empty = api.post("/api/v1/triage/knowledge", "{}", admin);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(fields(empty)).containsExactly("term", "synonyms", "departments");
        Response bad = api.post("/api/v1/triage/knowledge", body("term", "某新症状",
                "synonyms", Api.json().createArrayNode().add("好的，").add(""),
                "departments", Api.json().createObjectNode().put("99", 1.0).put("03", 9.0),
                "redFlag", true), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("synonyms[0]", "synonyms[1]", "departments.99", "departments.03",
                "advice");
        Response english = api.send("POST", "/api/v1/triage/knowledge", body("term", "x",
                "synonyms", Api.json().createArrayNode().add("y"),
                "departments", Api.json().createObjectNode().put("99", 1.0)), admin, "en");
        assertThat(english.json().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a standard department code");
        assertThat(api.get("/api/v1/triage/knowledge?source=NOPE", admin).status()).isEqualTo(400);
    }
}
