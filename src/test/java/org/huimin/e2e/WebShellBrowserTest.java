package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web shell in a real browser: the resident H5 and the staff console, in Chinese, in English and in the
 * large-font elderly mode, with the public directory search and logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebShellBrowserTest {

    @LocalServerPort
    int port;
    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    void startBrowser() {
        BrowserSupport.requireBrowserAndWebApp();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

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
        page.getByTestId("login-password").fill("Huimin@2026");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("home-user")).isVisible();
        assertThat(page.getByTestId("home-user")).not().hasText("");
    }

    @Test
    void staffConsoleLoginInChineseAndAuditVerification() {
        page.setViewportSize(1280, 800);
        page.navigate(url("/console/#/login"));
        page.getByTestId("console-login-username").fill("auditor");
        page.getByTestId("console-login-password").fill("Huimin@2026");
        page.getByTestId("console-login-submit").click();
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
        page.getByTestId("console-login-password").fill("Huimin@2026");
        page.getByTestId("console-login-submit").click();
        assertThat(page.getByTestId("console-user")).isVisible();
        assertThat(page.getByTestId("console-menu-directory")).containsText("Directory");
        page.getByTestId("console-menu-directory").click();
        assertThat(page.locator("body")).containsText("惠民县人民医院");
    }
}
