package dev.atelier.http.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.browser.Browser.SetDownloadBehaviorBehavior;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.log.model.LogEntry;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.runtime.Runtime;

/**
 * Debian's Chromium driven by its chromedriver, headless, with a fresh profile and a download
 * folder of its own, and a DevTools session that records what the page should never do: log an
 * error (a script exception, a Content-Security-Policy violation) or request anything from another
 * origin.
 *
 * <p>Without Chromium the browser tests are skipped with a loud message, unless
 * {@code ATELIER_REQUIRE_BROWSER_TESTS=true} (CI), when they fail instead. {@code
 * ATELIER_CHROMIUM} and {@code ATELIER_CHROMEDRIVER} name other binaries.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getenv().getOrDefault("ATELIER_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("ATELIER_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final DevTools devTools;
    private final List<String> problems = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    private Browser(ChromeDriver driver, Path downloads, Path profile, DevTools devTools) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
        this.devTools = devTools;
    }

    /** A started browser, or the test aborted (skipped) or failed as the class comment says. */
    static Browser start() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            String message = "browser tests NOT RUN: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("ATELIER_REQUIRE_BROWSER_TESTS"))) {
                throw new IllegalStateException(message + " — and ATELIER_REQUIRE_BROWSER_TESTS=true");
            }
            System.err.println("!!! " + message);
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("atelier-chromium-profile-");
            Path downloads = Files.createTempDirectory("atelier-chromium-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption(
                    "prefs",
                    Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            DevTools devTools = driver.getDevTools();
            devTools.createSession();
            Browser browser = new Browser(driver, downloads, profile, devTools);
            browser.watch();
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void watch() {
        devTools.send(org.openqa.selenium.devtools.v156.browser.Browser.setDownloadBehavior(
                SetDownloadBehaviorBehavior.ALLOW,
                Optional.empty(),
                Optional.of(downloads.toString()),
                Optional.of(true)));
        devTools.send(Log.enable());
        devTools.addListener(Log.entryAdded(), this::logged);
        devTools.send(Runtime.enable());
        devTools.addListener(
                Runtime.exceptionThrown(),
                e -> record("script exception: "
                        + e.getExceptionDetails().getText() + " "
                        + e.getExceptionDetails()
                                .getException()
                                .flatMap(x -> x.getDescription())
                                .orElse("")));
        devTools.send(Network.enable(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        devTools.addListener(Network.requestWillBeSent(), r -> {
            synchronized (requests) {
                requests.add(r.getRequest().getUrl());
            }
        });
    }

    private void logged(LogEntry entry) {
        String text = entry.getText();
        // an answer with an error status is logged as a failed resource: the console shows the
        // API's message for those on purpose (bad key, 403, 400 ...)
        if (text.startsWith("Failed to load resource: the server responded with a status of")) {
            return;
        }
        if (entry.getLevel() == LogEntry.Level.ERROR || entry.getLevel() == LogEntry.Level.WARNING) {
            record(entry.getSource() + " " + entry.getLevel() + ": " + text);
        }
    }

    private void record(String problem) {
        synchronized (problems) {
            problems.add(problem);
        }
    }

    /** Errors logged and exceptions thrown by the page since the last call; clears them. */
    List<String> takeProblems() {
        synchronized (problems) {
            List<String> taken = List.copyOf(problems);
            problems.clear();
            return taken;
        }
    }

    /** Every URL the page requested since the last call; clears them. */
    List<String> takeRequests() {
        synchronized (requests) {
            List<String> taken = List.copyOf(requests);
            requests.clear();
            return taken;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }
}
