package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the browser tests: Debian's {@code chromium}, headless, driven by Debian's
 * {@code chromedriver}, both found at fixed paths (nothing is downloaded, Selenium Manager never runs).
 * It browses at phone or desktop width, writes full-page screenshots at both widths of every page a test
 * visits, runs axe-core on it and checks that a phone shows it without horizontal scrolling.
 *
 * <p>A machine without the two packages fails the test (it does not skip it): CI must run these tests, and
 * the build installs the packages where it can ({@code install-browser.sh}).
 */
final class Chromium implements AutoCloseable {

    static final int PHONE = 360;
    static final int DESKTOP = 1280;
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    /** axe-core impacts that fail a page; "minor" and "moderate" ones are not the bar of the issue. */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RELOAD_FOR = Duration.ofSeconds(60);
    private static final Path BINARY = Path.of(System.getProperty("frmr.browser.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("frmr.browser.driver", "/usr/bin/chromedriver"));

    /**
     * Runs in every page before its own scripts (DevTools injects it, so no Content-Security-Policy applies to it) and
     * notes what a person would miss without knowing: what the page's CSP blocked, resources that failed to load,
     * script errors.
     */
    private static final String PROBLEM_RECORDER = """
            window.__frmrProblems = [];
            document.addEventListener('securitypolicyviolation', e => window.__frmrProblems.push('CSP '
                + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':'
                + e.lineNumber));
            window.addEventListener('error', e => window.__frmrProblems.push(e.target && e.target !== window
                ? 'could not load ' + (e.target.src || e.target.href || e.target.tagName)
                : 'script error: ' + e.message + ' in ' + e.filename + ':' + e.lineno), true);
            """;

    private final ChromeDriver driver;
    private final Path userDataDir;
    private final Path screenshotDir;
    private int width;
    private int shots;

    private Chromium(ChromeDriver driver, Path userDataDir, Path screenshotDir, int width) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.screenshotDir = screenshotDir;
        this.width = width;
    }

    /**
     * Starts a fresh browser (new profile: no cookies) at {@code width}; its screenshots go to
     * {@code target/screenshots/<test class>/} (emptied by {@link #cleanScreenshots}).
     */
    static Chromium start(Class<?> testClass, int width) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            fail("The browser tests need Debian's chromium (" + BINARY + ") and chromedriver (" + DRIVER
                    + "); install them: " + INSTALL);
        }
        try {
            Path userDataDir = Files.createTempDirectory("frmr-chromium-");
            Path logDir = Files.createDirectories(Path.of("target", "browser-logs"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // The closed network here refuses what Chromium fetches on its own (updates, sync, QUIC probes), and
            // waiting for those refusals slows every page; none of it is part of what the tests look at.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--lang=ru-RU", "--window-size=1280,900",
                    "--user-data-dir=" + userDataDir);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    // Chromium on Linux takes its interface language from the environment (with chromium-l10n).
                    .withEnvironment(Map.of("LANGUAGE", "ru", "LANG", "ru_RU.UTF-8"))
                    .withLogFile(logDir.resolve(testClass.getSimpleName() + "-chromedriver.log").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            Chromium browser = new Chromium(driver, userDataDir,
                    Path.of("target", "screenshots", testClass.getSimpleName()), width);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBLEM_RECORDER));
            browser.resize(width);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the screenshot folder of {@code testClass}, so what is there after a run is that run's. */
    static void cleanScreenshots(Class<?> testClass) {
        Path dir = Path.of("target", "screenshots", testClass.getSimpleName());
        deleteTree(dir);
    }

    ChromeDriver driver() {
        return driver;
    }

    int width() {
        return width;
    }

    void open(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until an element matching {@code locator} is visible and returns it. */
    WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the page's visible text contains {@code text}. */
    void awaitText(String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "text \"" + text + "\" on " + driver.getCurrentUrl()
                + ":\n" + bodyText()).until(d -> bodyText().contains(text));
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Logs in through the ESIA emulator's form as {@code login} (password, then the SMS code), from the portal's front page. */
    void throughEsia(String portal, String login) {
        open(portal + "/");
        await(By.cssSelector("[data-test=esia-login]")).click();
        await(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(Login.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await(By.id("code")).sendKeys(Login.ESIA_SMS_CODE);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Opens {@code url} again every 2 s until it shows {@code what}, for what happens later (sweeps, Kafka). */
    void reloadUntil(String url, By what, String description) {
        new WebDriverWait(driver, RELOAD_FOR).pollingEvery(Duration.ofSeconds(2))
                .withMessage(() -> description + " on " + url + "; it shows:\n" + bodyText()).until(d -> {
                    d.get(url);
                    return !d.findElements(what).isEmpty();
                });
    }

    /** Runs {@code steps}; if they fail, the page as it was then is saved as {@code <name>-FAILED}. */
    void onFailureScreenshot(String name, Runnable steps) {
        try {
            steps.run();
        } catch (AssertionError | RuntimeException e) {
            screenshot(name + "-FAILED");
            throw e;
        }
    }

    /**
     * The checks every visited page gets: full-page screenshots at phone and desktop width, nothing blocked by the
     * Content-Security-Policy, failed to load or thrown by a script, no horizontal scrolling at phone width, and no
     * serious or critical axe-core violation.
     */
    void checkPage(String step) {
        screenshot(step);
        assertNoPageProblems();
        assertNoHorizontalScrollAtPhoneWidth();
        axe();
    }

    /** Fails if the current page's CSP blocked anything, a resource failed to load or a script threw. */
    void assertNoPageProblems() {
        Object problems = js("return window.__frmrProblems || ['the problem recorder did not run'];");
        assertThat((List<?>) problems).as("on %s", driver.getCurrentUrl()).isEmpty();
    }

    /**
     * Writes full-page PNGs of the current page at {@link #PHONE} and {@link #DESKTOP} width as
     * {@code <nn>-<step>-<width>.png}, then returns to the width the test browses at.
     */
    List<Path> screenshot(String step) {
        int number = ++shots;
        try {
            Files.createDirectories(screenshotDir);
            List<Path> written = Stream.of(PHONE, DESKTOP).map(w -> {
                resize(w);
                Path file = screenshotDir.resolve(String.format("%02d-%s-%d.png", number, step, w));
                write(file, fullPagePng(w));
                return file;
            }).toList();
            resize(width);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the page at {@link #PHONE} width is no wider than the screen (nothing to scroll sideways). */
    void assertNoHorizontalScrollAtPhoneWidth() {
        resize(PHONE);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> sizes = (Map<String, Object>) js("const e = document.documentElement;"
                    + "const name = x => x.tagName.toLowerCase() + (x.id ? '#' + x.id : '')"
                    + " + (typeof x.className === 'string' && x.className.trim()"
                    + " ? '.' + x.className.trim().split(/\\s+/).join('.') : '');"
                    + "return {scroll: e.scrollWidth, client: e.clientWidth,"
                    + " widest: [...document.querySelectorAll('body *')]"
                    + ".filter(x => x.getBoundingClientRect().right > e.clientWidth + 0.5).slice(0, 5).map(name)};");
            // Without <meta name="viewport" content="width=device-width"> a phone lays the page out 980 px wide.
            assertThat(((Number) sizes.get("client")).intValue())
                    .as("%s: layout width on a %d px phone (is the viewport meta tag missing?)", driver.getCurrentUrl(),
                            PHONE)
                    .isEqualTo(PHONE);
            assertThat(((Number) sizes.get("scroll")).longValue())
                    .as("%s scrolls sideways at %d px; wider than the screen: %s", driver.getCurrentUrl(), PHONE,
                            sizes.get("widest"))
                    .isLessThanOrEqualTo(((Number) sizes.get("client")).longValue());
        } finally {
            resize(width);
        }
    }

    /** Runs axe-core on the current page; fails listing every serious or critical violation. */
    void axe() {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe-core error on %s: %s", driver.getCurrentUrl(),
                results.getErrorMessage()).isFalse();
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact())).toList();
        assertThat(failing).as("axe-core on %s (%d px):\n%s", driver.getCurrentUrl(), width, describe(failing))
                .isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp()
                + " (" + rule.getHelpUrl() + ")\n" + rule.getNodes().stream().map(Chromium::describe)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    " + node.getTarget() + " " + node.getHtml() + "\n      "
                + String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
    }

    /** Browses at {@code width} from now on (a phone at {@link #PHONE}: touch, mobile viewport rules). */
    void browseAt(int newWidth) {
        width = newWidth;
        resize(newWidth);
    }

    /**
     * The viewport as a device of {@code w} CSS pixels would have it. Chromium's window has a minimum width above
     * a phone's, so the width is emulated (DevTools' device metrics), which also applies the page's viewport meta
     * tag at phone width as a phone does.
     */
    private void resize(int w) {
        boolean phone = w < 768;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w, "height",
                phone ? 780 : 900, "deviceScaleFactor", 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
        settle();
    }

    /** The whole page as a device {@code deviceWidth} wide shows it (no scrollbar: the capture is the page's height). */
    private byte[] fullPagePng(int deviceWidth) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double w = Math.max(deviceWidth, ((Number) content.get("width")).doubleValue());
        double h = ((Number) content.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", Math.ceil(w), "height", Math.ceil(h), "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Two frames: the layout at a new size is done before anyone measures or captures it. */
    private void settle() {
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                deleteTree(userDataDir);
            } catch (UncheckedIOException e) {
                // Chromium's last child processes may still write into the profile while it goes; it is a temporary
                // folder of this run, not worth failing a test for.
                System.err.println("Chromium's profile " + userDataDir + " stays: " + e.getMessage());
            }
        }
    }
}
