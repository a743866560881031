package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import org.huimin.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The web shell in a real browser: the resident H5 and the staff console, in Chinese, in English and in the
 * large-font elderly mode, with the public directory search and logins.
 */
class WebShellBrowserTest extends BrowserSupport {

    private double rootFontSize() {
        return ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)"))
                .doubleValue();
    }

    @Test
    void residentH5OpensInChineseAndSearchesTheDirectoryWithoutLogin() {
        page.navigate(url("/#/"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.getByTestId("tab-home")).containsText("首页");
        assertThat(page.getByTestId("home-grid")).containsText("预约挂号");
        page.getByTestId("tab-directory").click();
        page.getByTestId("directory-search").fill("医院");
        page.getByTestId("directory-search").press("Enter");
        assertThat(page.getByTestId("directory-item").first()).containsText("医院");
        assertThat(page.getByTestId("directory-item").count()).isGreaterThanOrEqualTo(2);
        page.getByTestId("directory-search").fill("没有这个机构");
        page.getByTestId("directory-search").press("Enter");
        assertThat(page.getByTestId("directory-empty")).isVisible();
    }

    @Test
    void residentH5SwitchesToEnglishAndElderlyMode() {
        page.navigate(url("/#/"));
        double normal = rootFontSize();
        page.navigate(url("/?lang=en&elderly=1#/"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
        assertThat(page.getByTestId("tab-home")).containsText("Home");
        assertThat(rootFontSize()).isGreaterThan(normal * 1.2);
        // the preference survives a reload, and the switch on the Me page turns it off again
        page.reload();
        assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
        page.getByTestId("tab-me").click();
        page.getByTestId("elderly-switch").click();
        assertThat(page.locator("html")).not().hasClass(Pattern.compile("elderly"));
        page.getByTestId("lang-switch").click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void residentLogsInAndIsGreetedByName() {
        page.navigate(url("/#/login"));
        page.getByTestId("login-username").fill("resident");
        page.getByTestId("login-password").fill("wrong-password");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).containsText("用户名或密码错误");
        page.getByTestId("login-password").fill(PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("home-user")).isVisible();
        assertThat(page.getByTestId("home-user")).not().hasText("");
    }

    @Test
    void staffConsoleLoginInChineseAndAuditVerification() {
        consoleLogin("auditor");
        assertThat(page.getByTestId("console-user")).containsText("审计员");
        page.getByTestId("console-menu-audit").click();
        page.getByTestId("audit-verify").click();
        assertThat(page.getByTestId("audit-result")).containsText("完整");
    }

    @Test
    void staffConsoleInEnglishAndElderlyMode() {
        page.setViewportSize(1280, 800);
        page.navigate(url("/console/?lang=en&elderly=1#/login"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
        page.getByTestId("console-login-username").fill("admin");
        page.getByTestId("console-login-password").fill(PASSWORD);
        page.getByTestId("console-login-submit").click();
        assertThat(page.getByTestId("console-user")).isVisible();
        assertThat(page.getByTestId("console-menu-directory")).containsText("Directory");
        page.getByTestId("console-menu-directory").click();
        assertThat(page.locator("body")).containsText("惠民县人民医院");
    }

    @Test
    void aResidentSeesANewMessageArriveWithoutReloading() {
        residentLogin("resident");
        page.getByTestId("tab-messages").click();
        page.waitForTimeout(1000); // the live stream connects after the page opens
        try {
            for (int i = 0; i < 5; i++) {
                api.post("/api/v1/auth/login", "{\"username\":\"resident\",\"password\":\"wrong-" + i + "\"}", null);
            }
            assertThat(page.getByTestId("message-item").first()).containsText("账号已锁定");
            assertThat(page.getByTestId("messages-badge")).isVisible();
        } finally {
            unlock(api, "resident");
        }
    }

    @Test
    void anAdministratorUnlocksALockedAccountInTheConsole() {
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/login", "{\"username\":\"scheduler\",\"password\":\"wrong-" + i + "\"}", null);
        }
        consoleLogin("admin");
        page.navigate(url("/console/#/accounts"));
        // other tests register residents: narrow the list so the account is on the first page
        page.getByTestId("accounts-search").fill("scheduler");
        page.getByTestId("accounts-search").press("Enter");
        assertThat(page.getByTestId("account-locked-scheduler")).isVisible();
        page.getByTestId("account-unlock-scheduler").click();
        // Element Plus asks for confirmation in a message box
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(page.getByTestId("account-locked-scheduler")).hasCount(0);
        assertThat(api.login("scheduler")).isNotBlank();
    }

    @Test
    void pagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String source = axeSource();
        // axe is injected by the test, so this context alone may bypass the Content-Security-Policy
        BrowserContext axeContext = axeContext();
        try {
            Page p = axeContext.newPage();
            for (String path : List.of("/#/", "/#/directory", "/?elderly=1#/", "/#/login", "/console/#/login")) {
                p.navigate(url(path));
                p.waitForLoadState(LoadState.NETWORKIDLE);
                assertNoSeriousViolations(p, source, path);
            }
        } finally {
            axeContext.close();
        }
    }

    @Test
    void anAdministratorAddsAnOrganisationAfterFixingWhatTheServerRefused() {
        consoleLogin("admin");
        page.navigate(url("/console/#/directory"));
        page.getByTestId("org-new").click();
        fillField("org-form-name", "测试街道社区卫生服务站");
        choose("org-form-type", "社区卫生服务中心");
        fillField("org-form-uscc", "91530325MA6K12345D");
        page.getByTestId("org-form-submit").click();
        assertThat(page.getByTestId("org-form")).containsText("统一社会信用代码");
        fillField("org-form-uscc", "91530325MA6K12345C");
        page.getByTestId("org-form-submit").click();
        assertThat(page.getByTestId("org-form")).isHidden();
        assertThat(api.get("/api/v1/directory/organizations?q="
                + URLEncoder.encode("测试街道社区卫生服务站", StandardCharsets.UTF_8), null)
                .json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anAdministratorOpensAStaffAccountInTheConsole() {
        consoleLogin("admin");
        page.navigate(url("/console/#/accounts"));
        page.getByTestId("account-new").click();
        fillField("account-form-username", "zhao.lei");
        fillField("account-form-name", "赵磊");
        fillField("account-form-password", "short");
        choose("account-form-roles", "护士");
        page.keyboard().press("Escape");
        page.getByTestId("account-form-submit").click();
        assertThat(page.getByTestId("account-form")).containsText("10");
        fillField("account-form-password", "Secret2026zl");
        page.getByTestId("account-form-submit").click();
        assertThat(page.getByTestId("account-form")).isHidden();
        assertThat(api.login("zhao.lei", "Secret2026zl")).isNotBlank();
    }

    private static void unlock(Api api, String username) {
        String admin = api.login("admin");
        String id = api.get("/api/v1/admin/accounts?q=" + username, admin).json().get("items").get(0).get("id")
                .asString();
        api.post("/api/v1/admin/accounts/" + id + "/unlock", null, admin);
    }
}
