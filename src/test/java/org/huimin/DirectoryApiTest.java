package org.huimin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.huimin.support.Api;
import org.huimin.support.HttpTest;
import org.huimin.support.Api.Response;
import org.junit.jupiter.api.Test;

/** Public directory lookup and administrators' changes, with validation that changes nothing on bad input. */
class DirectoryApiTest extends HttpTest {


    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void demoCountyHasWhatTheIssueAsksFor() {
        Response all = api.get("/api/v1/directory/organizations?size=200", null);
        assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(17);
        var types = all.json().get("items").findValuesAsString("type");
        assertThat(types.stream().filter("HOSPITAL"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(types.stream().filter(t -> t.endsWith("HEALTH_CENTRE")).count()).isGreaterThanOrEqualTo(4);
        assertThat(types.stream().filter("VILLAGE_CLINIC"::equals).count()).isGreaterThanOrEqualTo(6);
        assertThat(types.stream().filter("RETAIL_PHARMACY"::equals).count()).isGreaterThanOrEqualTo(3);
        assertThat(types).contains("CDC", "EMERGENCY_CENTRE");
        // places of care come first: hospitals, then health centres, then village clinics
        assertThat(types.subList(0, 3)).containsOnly("HOSPITAL");
        assertThat(types.indexOf("VILLAGE_CLINIC")).isGreaterThan(types.lastIndexOf("TOWNSHIP_HEALTH_CENTRE"));
        assertThat(types.lastIndexOf("GOVERNMENT_OFFICE")).isEqualTo(types.size() - 1);
        Response practitioners = api.get("/api/v1/directory/practitioners?size=200", null);
        assertThat(practitioners.json().get("total").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(practitioners.json().get("items").findValuesAsString("departmentCode").stream().distinct().count())
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void publicSearchFiltersAndPages() {
        Response hospitals = api.get("/api/v1/directory/organizations?q=" + enc("医院") + "&page=0&size=1", null);
        assertThat(hospitals.status()).isEqualTo(200);
        assertThat(hospitals.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(hospitals.json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/directory/organizations?type=RETAIL_PHARMACY", null).json().get("total").asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/directory/organizations?q=" + enc("%"), null).json().get("total").asLong()).isZero();
        Response bad = api.get("/api/v1/directory/organizations?type=SPACESHIP", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();

        String orgId = hospitals.json().get("items").get(0).get("id").asString();
        Response detail = api.get("/api/v1/directory/organizations/" + orgId, null);
        assertThat(detail.json().get("departments").size()).isGreaterThan(5);
        Response staff = api.get("/api/v1/directory/practitioners?organizationId=" + orgId + "&kind=NURSE", null);
        assertThat(staff.json().get("total").asLong()).isPositive();
        assertThat(staff.json().get("items").get(0).get("roles").get(0).get("organizationId").asString())
                .isEqualTo(orgId);
        assertThat(api.get("/api/v1/directory/organizations/not-a-uuid", null).status()).isEqualTo(400);
    }

    @Test
    void administratorsAddOrganisationsAndBadInputChangesNothing() {
        String admin = api.login("admin");
        long before = api.get("/api/v1/directory/organizations", null).json().get("total").asLong();
        String bad = "{\"name\":\"\",\"type\":\"HOSPITAL\",\"level\":\"4\",\"uscc\":\"123\"}";
        Response zh = api.send("POST", "/api/v1/directory/organizations", bad, admin, "zh-CN");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.json().get("errors").findValuesAsString("field")).contains("name", "level");
        assertThat(zh.json().get("errors").findValuesAsString("message")).contains("不能为空");
        Response en = api.send("POST", "/api/v1/directory/organizations",
                "{\"name\":\"Test clinic\",\"type\":\"VILLAGE_CLINIC\",\"uscc\":\"91350100M000100Y44\"}", admin, "en");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("uscc");
        assertThat(api.get("/api/v1/directory/organizations", null).json().get("total").asLong()).isEqualTo(before);

        String good = "{\"name\":\"测试村卫生室\",\"type\":\"VILLAGE_CLINIC\",\"uscc\":\"91350100M000100Y43\","
                + "\"divisionCode\":\"530325102\",\"latitude\":25.6,\"longitude\":104.2}";
        Response created = api.post("/api/v1/directory/organizations", good, admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/directory/organizations", good, admin).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/directory/organizations", good, api.login("doctor")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/directory/organizations", null).json().get("total").asLong()).isEqualTo(before + 1);
    }
}
