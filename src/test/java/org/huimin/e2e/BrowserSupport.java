package org.huimin.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

/**
 * Starts Debian's Chromium through Playwright for browser tests. Where Chromium or the built web app is missing,
 * tests skip with a clear message on a developer's machine but fail under {@code CI=true}, where CI provides both.
 */
final class BrowserSupport {

    private BrowserSupport() {
    }

    static Path chromium() {
        String configured = System.getenv("HUIMIN_CHROMIUM");
        for (String candidate : configured != null ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    static void requireBrowserAndWebApp() {
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

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }
}
