package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.assertj.core.api.Assertions;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on a random port, Debian's Chromium through Playwright (one per test class), a
 * fresh phone-sized page in Chinese for each test, and the steps the tests share (logging in, Element Plus form fields,
 * axe). Where Chromium or the built web app is missing, tests skip with a clear message on a developer's machine but
 * fail under {@code CI=true}, where CI provides both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSupport {

    static final String PASSWORD = Api.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;
    Api api;

    @BeforeAll
    void startBrowser() {
        requireBrowserAndWebApp();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(playwright);
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
        api = new Api(port);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void residentLogin(String username) {
        page.navigate(url("/#/login"));
        page.getByTestId("login-username").fill(username);
        page.getByTestId("login-password").fill(PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("home-user")).isVisible();
    }

    void consoleLogin(String username) {
        page.setViewportSize(1280, 800);
        page.navigate(url("/console/#/login"));
        page.getByTestId("console-login-username").fill(username);
        page.getByTestId("console-login-password").fill(PASSWORD);
        page.getByTestId("console-login-submit").click();
        assertThat(page.getByTestId("console-user")).isVisible();
    }

    /** Fills the input inside the form item marked {@code testid}. */
    void fillField(String testid, String value) {
        page.getByTestId(testid).locator("input").fill(value);
    }

    /** Opens the Element Plus select with {@code testid} and picks the option showing {@code label}. */
    void choose(String testid, String label) {
        Locator select = page.getByTestId(testid);
        for (int attempt = 1;; attempt++) {
            select.click();
            page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(label))
                    .first().click();
            // the select shows what was chosen; a click on an option of a dropdown that was still opening (or of the
            // previous select's, still fading out) once left the form's value as it was (CI, 2026-12-05)
            try {
                assertThat(select).containsText(label,
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(2_000));
                return;
            } catch (AssertionError notChosen) {
                if (attempt == 3) {
                    throw notChosen;
                }
                page.keyboard().press("Escape");
            }
        }
    }

    // ---- accessibility ----

    /** axe-core's script from web/node_modules; where it is not installed the test skips (fails under CI=true). */
    static String axeSource() throws IOException {
        Path axe = Path.of("web/node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("axe-core is missing: run npm ci in web/");
            }
            Assumptions.abort("axe-core not installed in web/node_modules");
        }
        return Files.readString(axe);
    }

    /** A phone-sized context in Chinese that bypasses the Content-Security-Policy, so that axe can be injected. */
    BrowserContext axeContext() {
        return browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(390, 844).setLocale("zh-CN"));
    }

    /** Injects axe ({@code source}) into the page as it is and asserts it finds nothing serious or critical. */
    static void assertNoSeriousViolations(Page page, String source, String path) {
        page.evaluate(source);
        Object violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
                + ".map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))");
        Assertions.assertThat((List<?>) violations).as("axe on " + path).isEmpty();
    }

    /** Opens {@code path}, waits for one of the test ids (pages stay busy with the live inbox), runs axe. */
    void axe(String source, String path, String... readyTestIds) {
        page.navigate(url(path));
        Locator ready = page.getByTestId(readyTestIds[0]);
        for (int i = 1; i < readyTestIds.length; i++) {
            ready = ready.or(page.getByTestId(readyTestIds[i]));
        }
        assertThat(ready.first()).isVisible();
        page.waitForTimeout(300); // transitions settle
        assertNoSeriousViolations(page, source, path);
    }

    // ---- people ----

    /** A valid synthetic ID number of the demo county: 530325, the birth date, a sequence, the sex, the check. */
    static String idNumber(LocalDate birth, boolean male) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int sexDigit = random.nextInt(5) * 2 + (male ? 1 : 0);
        String first17 = "530325" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%02d", random.nextInt(100)) + sexDigit;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A random mobile number, so that registrations of different runs differ. */
    static String phone() {
        return "13" + (8 + ThreadLocalRandom.current().nextInt(2))
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Two random given-name characters, so that names of different runs differ. */
    static String given() {
        String chars = "安宝成春德东芳刚海华佳建杰金京静军俊兰丽林玲梅敏明娜宁平萍强琴青秋荣瑞山淑涛婷伟文霞祥欣秀雪燕阳英勇玉云珍志";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
    }

    // ---- Chromium ----

    private static Path chromium() {
        String configured = System.getenv("HUIMIN_CHROMIUM");
        for (String candidate : configured != null ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static void requireBrowserAndWebApp() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean webApp = BrowserSupport.class.getResource("/static/index.html") != null
                && BrowserSupport.class.getResource("/static/console/index.html") != null;
        String missing = chromium() == null ? "Chromium (apt-get install -y chromium, or set HUIMIN_CHROMIUM)"
                : !webApp ? "the built web app (build without -Dskip.npm)" : null;
        if (missing != null) {
            if (ci) {
                throw new IllegalStateException("Browser tests need " + missing + " and CI=true forbids skipping");
            }
            Assumptions.abort("Browser tests skipped: " + missing + " is missing");
        }
    }

    private static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }
}
