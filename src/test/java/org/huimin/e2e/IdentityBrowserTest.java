package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.huimin.support.Api;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One code (一码通) in a real browser: real-name registration with the one-time code, the refreshing health code for
 * oneself and for a relative, the scan history, verification at the console, window registration with a printable
 * static code, the master-index review with a merge, and the large-font mode — with axe on the new pages.
 */
class IdentityBrowserTest extends BrowserSupport {

    private static final Pattern PNG = Pattern.compile("^data:image/png;base64,");
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    // ---- (a) registration ----

    @Test
    void aNewResidentRegistersConfirmsThePhoneLogsInWithItAndSeesTheirCode() {
        String idNumber = idNumber(LocalDate.of(1988, 3, 14), true);
        String phone = phone();
        String name = "周" + given();
        page.navigate(url("/#/login"));
        page.getByTestId("login-register").click();
        page.getByTestId("register-id-number").fill(idNumber);
        page.getByTestId("register-name").fill(name);
        page.getByTestId("register-phone").fill(phone);
        page.getByTestId("register-password").fill("Huimin@2026x");
        page.getByTestId("register-password2").fill("Huimin@2026x");
        page.getByTestId("register-submit").click();
        assertThat(page.getByTestId("register-phone-masked")).containsText(phone.substring(7));
        assertThat(page.getByTestId("register-demo-hint")).containsText("短信发件箱");

        page.getByTestId("register-code").fill(smsCode(phone));
        page.getByTestId("register-confirm").click();
        assertThat(page.getByTestId("register-success")).isVisible();
        page.getByTestId("register-go-login").click();
        // the phone number is handed over to the login page, which accepts it as the username
        assertThat(page.getByTestId("login-username")).hasValue(phone);
        page.getByTestId("login-password").fill("Huimin@2026x");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("home-user")).isVisible();

        page.getByTestId("home-service-healthCode").click();
        assertThat(page.getByTestId("health-code-qr")).isVisible();
        assertThat(page.getByTestId("health-code-qr")).hasAttribute("src", PNG);
        assertThat(page.getByTestId("health-code-name")).containsText(name.substring(0, 1) + "*");
        assertThat(page.getByTestId("health-code-countdown")).containsText("秒后自动刷新");
        assertThat(page.getByTestId("health-code-brightness")).containsText("亮度");
    }

    @Test
    void registrationShowsTheServersFieldErrorsOnTheFields() {
        String valid = idNumber(LocalDate.of(1990, 7, 1), false);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        page.navigate(url("/#/register"));
        page.getByTestId("register-id-number").fill(wrongCheck);
        // the client's check-character hint shows while typing, the server still decides
        assertThat(page.getByTestId("register-form")).containsText("校验位");
        page.getByTestId("register-name").fill("测试");
        page.getByTestId("register-phone").fill(phone());
        page.getByTestId("register-password").fill("Huimin@2026x");
        page.getByTestId("register-password2").fill("Huimin@2026x");
        page.getByTestId("register-submit").click();
        assertThat(page.getByTestId("register-error")).isVisible();
        assertThat(page.getByTestId("register-code-form")).hasCount(0);
    }

    // ---- (b) a relative's code ----

    @Test
    void aResidentSeesTheirElderlyRelativeAndShowsTheEldersCode() {
        JsonNode elder = api.get("/api/v1/me/resident", api.login("elder")).json();
        String elderId = elder.get("residentId").asString();
        String elderName = elder.get("name").asString();

        residentLogin("resident");
        page.getByTestId("tab-me").click();
        page.getByTestId("me-family").click();
        Locator row = page.locator("[data-testid=relative-item][data-id='" + elderId + "']");
        assertThat(row).containsText(elderName);
        assertThat(row).hasAttribute("data-status", "ACTIVE");
        assertThat(row.getByTestId("relative-status")).containsText("已生效");

        row.getByTestId("relative-show-code").click();
        Locator card = page.getByTestId("health-code-card");
        assertThat(card).hasAttribute("data-resident-id", elderId);
        assertThat(page.getByTestId("health-code-qr")).hasAttribute("src", PNG);
        assertThat(page.getByTestId("health-code-name")).containsText(elderName.substring(0, 1) + "*");

        // the switcher goes back to my own code and to the elder's again
        page.getByTestId("code-holder-me").click();
        assertThat(card).hasAttribute("data-holder", "me");
        assertThat(card).hasAttribute("data-resident-id", Pattern.compile("."));
        assertThat(card).not().hasAttribute("data-resident-id", elderId);
        page.getByTestId("code-holder-" + elderId).click();
        assertThat(card).hasAttribute("data-resident-id", elderId);

        // the second tab lists who may act for the resident
        page.navigate(url("/#/family?tab=proxies"));
        assertThat(page.getByTestId("proxy-item").or(page.getByTestId("proxies-empty")).first()).isVisible();
    }

    // ---- (c) scan history ----

    @Test
    void aResidentSeesTheScanANurseJustMade() {
        String code = api.get("/api/v1/me/health-code", api.login("resident")).json().get("token").asString();
        String terminal = "E2E-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response verified = api.post("/api/v1/health-codes/verify",
                "{\"token\":\"" + code + "\",\"scene\":\"CONSULTATION\",\"terminalId\":\"" + terminal + "\"}",
                api.login("nurse"));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);

        residentLogin("resident");
        page.getByTestId("tab-me").click();
        page.getByTestId("me-scans").click();
        Locator scan = page.getByTestId("scan-item").filter(new Locator.FilterOptions().setHasText(terminal));
        assertThat(scan).hasCount(1);
        assertThat(scan).containsText("就诊");
        assertThat(scan).hasAttribute("data-outcome", "ACCEPTED");
    }

    // ---- (d) verification at the console ----

    @Test
    void aNurseVerifiesAPastedCodeAndSeesATamperedOneRefused() {
        String elderToken = api.login("elder");
        String elderName = api.get("/api/v1/me/resident", elderToken).json().get("name").asString();
        String code = api.get("/api/v1/me/health-code", elderToken).json().get("token").asString();

        consoleLogin("nurse");
        page.getByTestId("console-menu-verify").click();
        choose("verify-scene", "入院/通行");
        page.getByTestId("verify-token").fill(code);
        page.getByTestId("verify-submit").click();
        Locator result = page.getByTestId("verify-result");
        assertThat(result).hasAttribute("data-valid", "true");
        assertThat(result).containsText("核验通过");
        assertThat(page.getByTestId("verify-result-name")).containsText(elderName.substring(0, 1) + "*");
        assertThat(page.getByTestId("verify-result-id")).containsText("*");

        page.getByTestId("verify-token").fill(tamper(code));
        page.getByTestId("verify-token").press("Enter");
        assertThat(result).hasAttribute("data-valid", "false");
        assertThat(result).hasAttribute("data-reason", "invalid-health-code");
        assertThat(page.getByTestId("verify-result-reason")).containsText("无效");
    }

    // ---- (e) window registration and a static code ----

    @Test
    void aClerkRegistersAResidentAtTheWindowAndIssuesAPrintableStaticCode() {
        String idNumber = idNumber(LocalDate.of(1947, 10, 2), false);
        String name = "窗" + given();
        consoleLogin("clerk");
        page.getByTestId("console-menu-window").click();
        page.getByTestId("window-new-resident").click();
        fillField("resident-form-id-number", idNumber);
        fillField("resident-form-name", name);
        fillField("resident-form-phone", phone());
        page.getByTestId("resident-form-submit").click();
        assertThat(page.getByTestId("resident-form")).isHidden();
        // the new resident is searched at once by the ID number
        assertThat(page.getByTestId("window-table")).containsText(name);
        Locator issue = page.getByTestId("window-static-code");
        assertThat(issue).hasCount(1);

        issue.click();
        fillField("static-form-pin", "135790");
        fillField("static-form-pin2", "135790");
        page.getByTestId("static-form-submit").click();
        Locator sheet = page.getByTestId("static-code-sheet");
        assertThat(sheet).isVisible();
        assertThat(sheet).containsText("请配合 PIN 使用");
        assertThat(sheet).containsText(name.substring(0, 1) + "*");
        assertThat(sheet).not().containsText("135790");
        assertThat(sheet.locator("img")).hasAttribute("src", PNG);
        assertThat(page.getByTestId("static-print")).isVisible();
    }

    // ---- (f) the master-index review ----

    @Test
    void aClerkMergesAPossibleDuplicateFoundWhenAPersonArrivedWithoutAnIdNumber() {
        String clerk = api.login("clerk");
        LocalDate birth = LocalDate.of(1950 + ThreadLocalRandom.current().nextInt(40), 1 + ThreadLocalRandom.current()
                .nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        Api.Response registered = api.post("/api/v1/residents", "{\"idNumber\":\"" + idNumber(birth, true)
                + "\",\"name\":\"张志伟\",\"phone\":\"" + phone() + "\",\"address\":\"中安街道胜利路8号\"}", clerk);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String verifiedId = registered.json().get("residentId").asString();
        // the same man at another desk without his ID card: the name written with a homophone (伟/炜), the same birth
        // date and sex, but another phone and address — likely the same person, not certainly (a review, not a match)
        Api.Response resolved = api.post("/api/v1/empi/resolve", "{\"name\":\"张志炜\",\"sex\":\"MALE\",\"birthDate\":\""
                + birth.format(DateTimeFormatter.ISO_LOCAL_DATE) + "\",\"phone\":\"" + phone()
                + "\",\"address\":\"老厂乡竹园村\"}", clerk);
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.json().get("outcome").asString()).as(resolved.raw()).isEqualTo("POSSIBLE_MATCH");
        String reviewId = resolved.json().get("reviewId").asString();

        consoleLogin("clerk");
        page.getByTestId("console-menu-empi").click();
        Locator open = page.locator("[data-testid=empi-review-open][data-id='" + reviewId + "']");
        findOnSomePage(page.getByTestId("empi-reviews-table"), open);
        open.click();
        Locator detail = page.getByTestId("empi-review-detail");
        assertThat(detail).containsText("张志伟");
        assertThat(detail).containsText("张志炜");
        assertThat(detail.locator("[data-agreement=AGREE]").first()).isVisible();

        detail.getByTestId("empi-merge").click();
        String side = reviewSideOf(clerk, reviewId, verifiedId);
        page.getByTestId("empi-survivor-" + side).click();
        page.getByTestId("empi-decision-reason").locator("textarea").fill("出生日期与手机号一致，姓名为同音字录入错误");
        page.getByTestId("empi-decision-submit").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(page.getByTestId("empi-decision")).isHidden();
        assertThat(open).hasCount(0);

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("合并记录")).click();
        assertThat(page.getByTestId("empi-merges-table")).containsText("张志炜");
        JsonNode merges = api.get("/api/v1/empi/merges?size=100", clerk).json().get("items");
        boolean found = false;
        for (JsonNode m : merges) {
            found |= verifiedId.equals(m.get("survivor").get("residentId").asString());
        }
        assertThat(found).as("a merge into " + verifiedId).isTrue();
    }

    // ---- (g) large-font mode ----

    @Test
    void theCodeIsLargerInElderlyMode() {
        residentLogin("resident");
        page.navigate(url("/?elderly=0#/health-code"));
        assertThat(page.getByTestId("health-code-qr")).isVisible();
        double normal = page.getByTestId("health-code-qr").boundingBox().width;
        page.navigate(url("/?elderly=1#/health-code"));
        assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
        assertThat(page.getByTestId("health-code-qr")).isVisible();
        double large = page.getByTestId("health-code-qr").boundingBox().width;
        assertThat(large).isGreaterThan(normal * 1.2);
        assertThat(page.getByTestId("health-code-refresh")).isVisible();
        assertThat(page.getByTestId("health-code-refresh").boundingBox().height).isGreaterThanOrEqualTo(44);
        page.getByTestId("health-code-refresh").click();
        assertThat(page.getByTestId("health-code-qr")).hasAttribute("src", PNG);
    }

    // ---- accessibility ----

    @Test
    void theNewPagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String source = axeSource();
        // axe is injected by the test, so this context alone may bypass the Content-Security-Policy
        BrowserContext axeContext = axeContext();
        try {
            page = axeContext.newPage();
            page.setDefaultTimeout(15_000);
            axe(source, "/?elderly=0#/register", "register-form");
            axe(source, "/?elderly=1#/register", "register-form");
            residentLogin("resident");
            axe(source, "/?elderly=0#/health-code", "health-code-qr");
            axe(source, "/#/family", "relative-item");
            axe(source, "/#/family?tab=proxies", "family-tab-proxies");
            axe(source, "/#/family/add", "relative-form");
            axe(source, "/#/health-code/scans", "scans-empty", "scan-item");
            axe(source, "/#/me", "code-links");
            axe(source, "/?elderly=1#/health-code", "health-code-qr");
            axe(source, "/#/family", "relative-item");
            axe(source, "/#/me", "code-links");
            axe(source, "/?elderly=0&lang=en#/health-code", "health-code-qr");
            axe(source, "/?lang=zh-CN#/", "home-grid");

            // the console shares the resident app's origin, and so its stored token: sign the resident out first
            page.evaluate("() => localStorage.removeItem('huimin.token')");
            consoleLogin("admin");
            axe(source, "/console/#/verify", "console-verify");
            axe(source, "/console/#/window", "console-window");
            axe(source, "/console/#/empi", "console-empi");
            axe(source, "/console/#/code-keys", "code-keys-table");
            axe(source, "/console/?elderly=1#/verify", "console-verify");
            axe(source, "/console/?elderly=0#/verify", "console-verify");
        } finally {
            axeContext.close();
        }
    }

    // ---- helpers ----

    /** Pages through a DataTable until {@code target} shows (new rows may not be on the first page). */
    private void findOnSomePage(Locator table, Locator target) {
        assertThat(table).isVisible();
        page.waitForTimeout(500);
        for (int i = 0; i < 20 && target.count() == 0; i++) {
            Locator next = page.locator(".el-pagination .btn-next:not([disabled])");
            if (next.count() == 0) {
                break;
            }
            next.first().click();
            page.waitForTimeout(500);
        }
        assertThat(target).hasCount(1);
    }

    /** Which side of the review ({@code left} or {@code right}) is the resident {@code residentId}. */
    private String reviewSideOf(String token, String reviewId, String residentId) {
        for (int p = 0; p < 50; p++) {
            JsonNode items = api.get("/api/v1/empi/reviews?status=OPEN&size=100&page=" + p, token).json().get("items");
            if (items == null || items.isEmpty()) {
                break;
            }
            for (JsonNode r : items) {
                if (reviewId.equals(r.get("reviewId").asString())) {
                    return residentId.equals(r.get("left").get("residentId").asString()) ? "left" : "right";
                }
            }
        }
        throw new AssertionError("review " + reviewId + " is not open");
    }

    /** The one-time code texted to {@code phone}, read from the development SMS outbox as a platform admin. */
    private String smsCode(String phone) {
        String admin = api.login("admin");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode items = api.get("/api/v1/notifications/dev/sms?size=50", admin).json().get("items");
            for (JsonNode sms : items) {
                if (masked.equals(sms.get("phoneMasked").asString())) {
                    Matcher m = SIX_DIGITS.matcher(sms.get("text").asString());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            page.waitForTimeout(200);
        }
        throw new AssertionError("no one-time code was texted to " + masked);
    }

    /**
     * The token with one character changed in the middle, never next to a '.' (the last character of a base64
     * segment may have unused bits, so a change there can decode to the same bytes).
     */
    private static String tamper(String token) {
        int p = token.length() / 2;
        while (p > 0 && (token.charAt(p) == '.' || token.charAt(p + 1) == '.')) {
            p--;
        }
        char replacement = token.charAt(p) == 'A' ? 'B' : 'A';
        return token.substring(0, p) + replacement + token.substring(p + 1);
    }
}
