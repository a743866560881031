package org.huimin.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.huimin.support.Api;
import org.huimin.support.HttpTest;
import org.huimin.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administrators open staff accounts; bad input is refused field by field and creates nothing. */
class AccountAdminTest extends HttpTest {

    String admin;

    @BeforeEach
    void setUp() {
        admin = api.login("admin");
    }

    private long accounts() {
        return api.get("/api/v1/admin/accounts", admin).json().get("total").asLong();
    }

    @Test
    void opensAStaffAccountThatCanLogIn() {
        String body = "{\"username\":\"li.na\",\"displayName\":\"李娜\",\"password\":\"Secret2026x\","
                + "\"roles\":[\"NURSE\"],\"phone\":\"13912345678\"}";
        Response created = api.post("/api/v1/admin/accounts", body, admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.login("li.na", "Secret2026x")).isNotBlank();
        Response listed = api.get("/api/v1/admin/accounts?q=li.na", admin);
        assertThat(listed.json().get("items").get(0).get("phoneMasked").asString()).isEqualTo("139****5678");
        assertThat(api.post("/api/v1/admin/accounts", body, admin).status()).isEqualTo(409);
    }

    @Test
    void refusesBadInputFieldByFieldAndCreatesNothing() {
        long before = accounts();
        Response bad = api.send("POST", "/api/v1/admin/accounts",
                "{\"username\":\"X\",\"displayName\":\"\",\"password\":\"short\",\"roles\":[],\"phone\":\"123\"}",
                admin, "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("username", "displayName", "password", "roles", "phone");
        Response resident = api.send("POST", "/api/v1/admin/accounts", "{\"username\":\"someone\",\"displayName\":"
                + "\"某人\",\"password\":\"Secret2026x\",\"roles\":[\"RESIDENT\"]}", admin, "zh-CN");
        assertThat(resident.status()).isEqualTo(400);
        assertThat(resident.json().get("errors").get(0).get("message").asString()).contains("实名注册");
        Response unknownRole = api.post("/api/v1/admin/accounts", "{\"username\":\"someone\",\"displayName\":\"x\","
                + "\"password\":\"Secret2026x\",\"roles\":[\"KING\"]}", admin);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsOpenAccounts() {
        Response r = api.post("/api/v1/admin/accounts", "{\"username\":\"sneaky\",\"displayName\":\"x\","
                + "\"password\":\"Secret2026x\",\"roles\":[\"PLATFORM_ADMIN\"]}", api.login("doctor"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/auth/login", "{\"username\":\"sneaky\",\"password\":\"Secret2026x\"}", null)
                .status()).isEqualTo(401);
    }
}
