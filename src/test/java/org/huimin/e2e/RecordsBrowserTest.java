package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.io.IOException;
import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;

import org.huimin.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The shared record in the browser: a resident reads their timeline and a relative's trends, grants a consent to the
 * county hospital and sees the doctor's reads in the access log; a doctor without a relationship is refused, uses
 * break-glass and reads; the auditor reviews it. axe runs on every new page, in Chinese, English and large-font mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsBrowserTest extends BrowserSupport {

    @Test
    void aResidentReadsTheRecordAndARelativesTrends() {
        residentLogin("resident");
        page.navigate(url("/#/record"));
        assertThat(page.getByTestId("record-summary")).isVisible();
        assertThat(page.getByTestId("record-organizations")).containsText("人民医院");
        Locator items = page.getByTestId("record-item");
        assertThat(items.first()).isVisible();
        // the LDL result above its range is flagged in words, not only in colour
        Locator lab = page.locator("[data-testid=record-item][data-kind=LAB]").first();
        lab.click();
        assertThat(page.getByTestId("record-detail")).isVisible();
        assertThat(page.getByTestId("record-detail-source")).containsText("人民医院");
        page.getByTestId("record-detail-close").click();
        page.getByTestId("record-kind-IMMUNIZATION").click();
        assertThat(page.locator("[data-testid=record-item]").first()).hasAttribute("data-kind", "IMMUNIZATION");

        // the elder's record through the proxy: trends of her HbA1c with the range shaded
        String elder = api.get("/api/v1/me", api.login("elder")).json().get("residentId").asString();
        page.navigate(url("/#/record/trends?for=" + elder));
        Locator a1c = page.locator("[data-testid=trend-item][data-code='4548-4']");
        a1c.click();
        assertThat(page.getByTestId("trend-chart")).isVisible();
        assertThat(page.getByTestId("trend-value").first()).isVisible();
        assertThat(page.locator("[data-testid=trend-value][data-flag=H]").first()).isVisible();
    }

    @Test
    void aConsentLetsTheDoctorReadAndTheResidentSeesIt() {
        // a resident of our own, with a record sent by the hospital
        String id = idNumber(LocalDate.of(1972, 4, 9), true);
        String name = "档" + given();
        Api.Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", phone(),
                "password", PASSWORD), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        String residentId = r.json().get("residentId").asString();
        sendRecord(id, name);

        // the doctor is refused first
        String doctor = api.login("doctor");
        assertThat(api.get("/api/v1/records/" + residentId + "/timeline", doctor).status()).isEqualTo(403);

        residentLogin(id);
        page.navigate(url("/#/record/consents"));
        assertThat(page.getByTestId("consents-empty")).isVisible();
        page.getByTestId("consent-add").click();
        page.getByTestId("consent-grantee-type-ORGANIZATION").click();
        page.getByTestId("consent-grantee-search").fill("人民医院");
        page.getByTestId("consent-grantee-option").first().click();
        assertThat(page.getByTestId("consent-grantee-chosen")).containsText("人民医院");
        page.getByTestId("consent-submit").click();
        Locator consent = page.getByTestId("consent-item").first();
        assertThat(consent).hasAttribute("data-status", "ACTIVE");

        // the doctor reads; the read shows in the resident's access log with purpose and basis
        assertThat(api.get("/api/v1/records/" + residentId + "/timeline", doctor).status()).isEqualTo(200);
        page.navigate(url("/#/record/access-log"));
        Locator row = page.locator("[data-testid=access-log-row][data-basis=CONSENT]").first();
        assertThat(row).isVisible();
        assertThat(row.getByTestId("access-log-org")).containsText("人民医院");
        assertThat(page.locator("[data-testid=access-log-row][data-outcome=DENIED]").first()).isVisible();

        // revoking asks, then closes the record at once
        page.navigate(url("/#/record/consents"));
        page.getByTestId("consent-revoke").first().click();
        page.locator(".van-dialog:visible .van-dialog__confirm").click();
        assertThat(page.getByTestId("consent-item").first()).hasAttribute("data-status", "REVOKED");
        assertThat(api.get("/api/v1/records/" + residentId + "/timeline", doctor).status()).isEqualTo(403);
    }

    @Test
    void aDoctorBreaksTheGlassAndTheAuditorReviewsIt() {
        String id = idNumber(LocalDate.of(1958, 11, 30), false);
        String name = "急" + given();
        Api.Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", phone(),
                "password", PASSWORD), api.login("clerk"));
        String residentId = r.json().get("residentId").asString();
        sendRecord(id, name);

        consoleLogin("doctor");
        page.navigate(url("/console/#/records?patient=" + residentId));
        assertThat(page.getByTestId("records-denied")).isVisible();
        page.getByTestId("break-glass-open").click();
        assertThat(page.getByTestId("break-glass-warning")).isVisible();
        page.getByTestId("break-glass-reason").fill("昏迷");
        page.getByTestId("break-glass-submit").click();
        assertThat(page.getByTestId("break-glass")).isVisible();
        page.getByTestId("break-glass-reason").fill("患者昏迷由120送入急诊，无法取得本人授权，需了解既往病史与用药");
        page.getByTestId("break-glass-confirm").click();
        page.getByTestId("break-glass-submit").click();
        assertThat(page.getByTestId("records-break-glass-active")).isVisible();
        assertThat(page.getByTestId("records-access-basis")).containsText("紧急");
        assertThat(page.getByTestId("records-timeline-item").first()).isVisible();
        assertThat(page.getByTestId("records-timeline-source").first()).containsText("人民医院");

        // the auditor judges it
        signOut();
        consoleLogin("auditor");
        page.navigate(url("/console/#/break-glass"));
        Locator row = page.locator("[data-testid=break-glass-row][data-status=PENDING]").first();
        assertThat(row).isVisible();
        page.getByTestId("break-glass-review-open").first().click();
        page.getByTestId("break-glass-decision-JUSTIFIED").click();
        page.getByTestId("break-glass-review-submit").click();
        JsonNode items = api.get("/api/v1/records/break-glass?status=REVIEWED&size=200", api.login("auditor")).json()
                .get("items");
        boolean reviewed = false;
        for (JsonNode i : items) {
            reviewed |= i.get("residentId").asString().equals(residentId);
        }
        assertThat(reviewed).isTrue();
    }

    @Test
    void aDoctorSeesRecognisedResultsAndReordersOnlyWithAReason() {
        String resident = api.login("resident");
        String elder = api.get("/api/v1/me", api.login("elder")).json().get("residentId").asString();
        String org = api.get("/api/v1/me", api.login("doctor")).json().get("organizationId").asString();
        Api.Response consent = api.post("/api/v1/me/consents", json("granteeType", "ORGANIZATION", "granteeId", org,
                "residentId", elder), resident);
        assertThat(consent.status()).isEqualTo(201);
        try {
            consoleLogin("doctor");
            page.navigate(url("/console/#/records?patient=" + elder));
            assertThat(page.getByTestId("records-summary")).isVisible();
            page.getByTestId("records-tab-recognised").click();
            Locator hba1c = page.locator("tr").filter(new Locator.FilterOptions().setHas(
                    page.locator("[data-testid=records-recognised-item][data-code='4548-4']")));
            assertThat(hba1c).isVisible();
            assertThat(hba1c.getByTestId("records-recognised-institution")).containsText("人民医院");

            // checking before ordering HbA1c prompts with the recognised result; ordering again needs a reason
            page.getByTestId("records-recognition-item").click();
            page.locator("[data-testid=records-recognition-item-option][data-code='4548-4']").click();
            page.getByTestId("records-recognition-check").click();
            assertThat(page.getByTestId("recognition-prompt-result")).isVisible();
            page.getByTestId("recognition-reorder").click();
            page.getByTestId("recognition-reason-OTHER").click();
            page.getByTestId("recognition-reorder-submit").click();
            assertThat(page.getByTestId("recognition-prompt")).isVisible();
            page.getByTestId("recognition-reason-CONDITION_CHANGED").click();
            page.getByTestId("recognition-note").fill("近一周血糖波动明显");
            page.getByTestId("recognition-reorder-submit").click();
            assertThat(page.getByTestId("recognition-prompt")).isHidden();
            JsonNode events = api.get("/api/v1/audit/entries?action=RECOGNITION_REORDER&size=20", api.login("auditor")).json();
            assertThat(events.toString()).contains("CONDITION_CHANGED");
        } finally {
            api.send("DELETE", "/api/v1/me/consents/" + consent.json().get("consentId").asString(), null, resident,
                    null);
        }
    }

    @Test
    void theRecordPagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String source = axeSource();
        String elder = api.get("/api/v1/me", api.login("elder")).json().get("residentId").asString();
        BrowserContext axeContext = axeContext();
        try {
            page = axeContext.newPage();
            page.setDefaultTimeout(15_000);
            residentLogin("resident");
            for (String mode : new String[] {"/?elderly=0", "/?elderly=1", "/?elderly=0&lang=en"}) {
                axe(source, mode + "#/record", "record-item", "record-empty");
                axe(source, mode + "#/record/trends?for=" + elder, "trend-item", "trends-empty");
                axe(source, mode + "#/record/consents", "consent-item", "consents-empty");
                axe(source, mode + "#/record/consents/new", "consent-form");
                axe(source, mode + "#/record/access-log", "access-log-row", "access-log-empty");
            }
            page.evaluate("() => localStorage.removeItem('huimin.token')");
            consoleLogin("doctor");
            axe(source, "/console/?lang=zh-CN#/records", "records-patients-table");
            axe(source, "/console/#/records?patient=" + elder, "records-denied", "records-summary");
            signOut();
            consoleLogin("auditor");
            axe(source, "/console/#/break-glass", "break-glass-table");
            signOut();
            consoleLogin("admin");
            axe(source, "/console/#/recognition", "recognition-items-table");
            axe(source, "/console/#/recognition?tab=institutions", "recognition-institutions-table");
        } finally {
            axeContext.close();
        }
    }

    /** Forgets the session and leaves the single-page app, so the next login starts from a fresh load. */
    private void signOut() {
        page.evaluate("() => localStorage.removeItem('huimin.token')");
        page.navigate("about:blank");
    }

    /** The hospital's system sends a small record about the person (a visit and a glucose result). */
    private void sendRecord(String idNumber, String name) {
        String birth = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient",
                   "identifier":[{"system":"https://fhir.huimin.org/sid/cin","value":"%s"}],
                   "name":[{"text":"%s"}],"gender":"unknown","birthDate":"%s"},
                  "request":{"method":"POST","url":"Patient"}},
                 {"fullUrl":"urn:uuid:e1","resource":{"resourceType":"Encounter","status":"finished",
                   "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                   "type":[{"text":"急诊内科"}],"subject":{"reference":"urn:uuid:p1"},
                   "period":{"start":"2026-10-02T09:00:00+08:00"}},"request":{"method":"POST","url":"Encounter"}},
                 {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final",
                   "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",
                   "code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}],
                   "text":"血糖"},"subject":{"reference":"urn:uuid:p1"},"encounter":{"reference":"urn:uuid:e1"},
                   "effectiveDateTime":"2026-10-02T09:30:00+08:00",
                   "valueQuantity":{"value":11.2,"unit":"mmol/L"},
                   "referenceRange":[{"low":{"value":3.9},"high":{"value":7.8}}]},
                  "request":{"method":"POST","url":"Observation"}}]}"""
                .formatted(idNumber, name, birth).replace("urn:uuid:p1", "urn:uuid:0b7f6d2e-1c3a-4f5e-9a8b-7c6d5e4f3a21")
                .replace("urn:uuid:e1", "urn:uuid:1c8e7f3a-2d4b-4a6f-8b9c-8d7e6f5a4b32")
                .replace("urn:uuid:o1", "urn:uuid:2d9f8a4b-3e5c-4b7a-9cad-9e8f7a6b5c43");
        Api.Response sent = api.send("POST", "/fhir/r4", bundle, api.login("his"), null);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
    }
}
