package org.huimin;

import static org.assertj.core.api.Assertions.assertThat;

import org.huimin.support.Api;
import org.huimin.support.HttpTest;
import org.huimin.support.Api.Response;
import org.junit.jupiter.api.Test;

/** The foundation's outside contract, through HTTP on loopback: health, docs, login, errors, directory, audit. */
class FoundationApiTest extends HttpTest {


    @Test
    void healthOpenApiAndMetricsAreUp() {
        assertThat(api.get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(api.text("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    @Test
    void theWebAppsAreServedWhateverTheClientAccepts() {
        Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.raw()).contains("<div id=\"app\"");
        assertThat(api.get("/console/", null).raw()).contains("<div id=\"app\"");
    }

    @Test
    void loginIssuesABearerTokenAndMeDescribesTheUser() {
        Response login = api.post("/api/v1/auth/login", "{\"username\":\"doctor\",\"password\":\"Huimin@2026\"}", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isPositive();
        Response me = api.get("/api/v1/me", login.json().get("accessToken").asString());
        assertThat(me.json().get("username").asString()).isEqualTo("doctor");
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("CLINICIAN");
        assertThat(me.json().get("organizationId").asString()).isNotBlank();
        assertThat(me.json().get("practitionerId").asString()).isNotBlank();
    }

    @Test
    void wrongPasswordAndMalformedJsonAreProblemsInTheCallersLanguage() {
        Response wrong = api.send("POST", "/api/v1/auth/login", "{\"username\":\"nurse\",\"password\":\"nope-nope\"}",
                null, "en");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).isTrue();
        assertThat(wrong.json().get("detail").asString()).isEqualTo("The username or password is wrong.");
        Response zh = api.send("POST", "/api/v1/auth/login", "{\"username\":\"nurse\",", null, "zh-CN");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.isProblem()).isTrue();
        assertThat(zh.json().get("title").asString()).isEqualTo("请求格式错误");
        Response blank = api.send("POST", "/api/v1/auth/login", "{\"username\":\"\",\"password\":\"\"}", null, "en");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsString("field")).contains("username", "password");
    }

    @Test
    void unknownPathsAndMissingTokensAreProblems() {
        String token = api.login("admin");
        Response unknown = api.get("/api/v1/no-such-thing", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        Response anonymous = api.get("/api/v1/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        Response forged = api.get("/api/v1/me", token.substring(0, token.length() - 3) + "abc");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void auditVerificationIsForAuditorsAndDenialsAreAudited() {
        String auditor = api.login("auditor");
        Response ok = api.get("/api/v1/audit/verify", auditor);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("intact").asBoolean()).isTrue();
        assertThat(ok.json().get("entries").asLong()).isPositive();
        assertThat(api.get("/api/v1/audit/verify", null).status()).isEqualTo(401);

        Response denied = api.get("/api/v1/audit/verify", api.login("doctor"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.isProblem()).isTrue();
        Response entries = api.get("/api/v1/audit/entries?actor=doctor&action=PERMISSION_DENIED", auditor);
        assertThat(entries.json().get("total").asLong()).isPositive();
        assertThat(entries.json().get("items").get(0).get("resourceId").asString())
                .isEqualTo("GET /api/v1/audit/verify");
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.login("insurance");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/logout", null, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountAndTellItsOwner() {
        int[] codes = new int[7];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = api.post("/api/v1/auth/login", "{\"username\":\"dispatcher\",\"password\":\"wrong-" + i + "\"}",
                    null).status();
        }
        assertThat(codes).startsWith(401, 401, 401, 401, 423, 423, 423);
        Response locked = api.post("/api/v1/auth/login", "{\"username\":\"dispatcher\",\"password\":\"Huimin@2026\"}",
                null);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.isProblem()).isTrue();
        assertThat(locked.json().get("lockedUntil").asString()).isNotBlank();

        String admin = api.login("admin");
        Response accounts = api.get("/api/v1/admin/accounts?q=dispatcher", admin);
        assertThat(accounts.json().get("items").get(0).get("locked").asBoolean()).isTrue();
        String id = accounts.json().get("items").get(0).get("id").asString();
        assertThat(api.post("/api/v1/admin/accounts/" + id + "/unlock", null, admin).status()).isEqualTo(204);
        String token = api.login("dispatcher");
        Response inbox = api.get("/api/v1/notifications", token);
        assertThat(inbox.json().get("unread").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(inbox.json().get("items").get(0).get("title").asString()).isEqualTo("账号已锁定");
        Response sms = api.get("/api/v1/notifications/dev/sms", admin);
        assertThat(sms.json().get("items").findValuesAsString("text")).anyMatch(t -> t.contains("dispatcher"));

        Response audit = api.get("/api/v1/audit/entries?actor=dispatcher&action=LOCKOUT", api.login("auditor"));
        assertThat(audit.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unlockNeedsAnAdministrator() {
        Response r = api.post("/api/v1/admin/accounts/00000000-0000-0000-0000-000000000000/unlock", null,
                api.login("clerk"));
        assertThat(r.status()).isEqualTo(403);
    }
}
