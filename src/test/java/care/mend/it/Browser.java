package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser for the page tests: Debian's headless Chromium driven through its own ChromeDriver (both
 * paths given, so Selenium Manager never runs and nothing is downloaded), with fake camera and microphone, a fresh
 * profile, and a test-only script (installed through the DevTools protocol, not served by Mend) that can drop the
 * page's network: it closes the page's WebSockets and fails its fetches until restored.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1280, 800);

    private static final Logger LOG = Logger.getLogger(Browser.class.getName());

    /** Test-only: what a dead link does to the page, reversibly. Runs before every document's own scripts. */
    private static final String NETWORK_SWITCH = """
            (() => {
              const sockets = [];
              const NativeWebSocket = window.WebSocket;
              window.WebSocket = class extends NativeWebSocket {
                constructor(...args) { super(...args); sockets.push(this); }
              };
              const nativeFetch = window.fetch.bind(window);
              window.__mendTest = {
                offline: false,
                drop() {
                  this.offline = true;
                  sockets.filter((s) => s.readyState < 2).forEach((s) => s.close(4001, 'test drop'));
                },
                restore() { this.offline = false; window.dispatchEvent(new Event('online')); },
                receive(text) {
                  const open = sockets.filter((s) => s.readyState === 1).pop();
                  open.dispatchEvent(new MessageEvent('message', {data: text}));
                },
              };
              window.fetch = (...args) => window.__mendTest.offline
                  ? Promise.reject(new TypeError('Failed to fetch (test: offline)')) : nativeFetch(...args);
            })();
            """;

    /**
     * Nothing visible may stick out of the viewport, and no two visible controls or text blocks may overlap
     * (one inside the other is fine; an open modal dialog over the page is fine). Tables scroll inside their own
     * wrapper by design.
     */
    private static final String LAYOUT_PROBLEMS = """
            const vw = document.documentElement.clientWidth;
            const problems = [];
            const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
            if (document.documentElement.scrollWidth > vw + 1) {
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
            }
            const shown = [...document.querySelectorAll('body *')].filter((e) => {
              if (e.closest('.visually-hidden, dialog:not([open]), svg') || e.parentElement.closest('.table-wrap')) {
                return false;
              }
              const r = e.getBoundingClientRect();
              const s = getComputedStyle(e);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
            });
            for (const e of shown) {
              const r = e.getBoundingClientRect();
              if (r.right > vw + 1 || r.left < -1) {
                problems.push('sticks out: ' + name(e) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
              }
            }
            const blocks = shown.filter((e) => e.matches(
                'button, a, input, select, textarea, label, h1, h2, h3, p, meter, video, li.tile, .badge, .table-wrap'));
            // A modal dialog lies over the page by design (the page behind it is inert): only what is on the same
            // side of it may not overlap.
            const modal = document.querySelector('dialog:modal');
            const onTop = (e) => Boolean(modal && modal.contains(e));
            for (let i = 0; i < blocks.length; i++) {
              for (let j = i + 1; j < blocks.length; j++) {
                const a = blocks[i], b = blocks[j];
                if (a.contains(b) || b.contains(a) || onTop(a) !== onTop(b)) continue;
                const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
                const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                if (w > 1 && h > 1) problems.push('overlap: ' + name(a) + ' and ' + name(b));
              }
            }
            return problems;
            """;

    final String name;
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final List<String> errors = new java.util.ArrayList<>();

    private Browser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    private static Path chromium() {
        return Path.of(System.getProperty("mend.it.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("mend.it.chromedriver", "/usr/bin/chromedriver"));
    }

    /**
     * Skips the browser tests, with a message, on a machine without Chromium; on CI (CI=true) that is a failure,
     * so that the pages never go untested there by accident.
     */
    static void requireChromium() {
        boolean present = Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
        String message = "Chromium and ChromeDriver are needed for the browser tests (" + chromium() + ", "
                + chromedriver() + "): apt-get install -y chromium chromium-driver";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(present, message + ". Skipping the browser tests.");
    }

    /** What the browser's camera and microphone do. */
    enum Devices {
        /** Chromium's fake camera and microphone, permission granted. */
        FAKE,
        /** No fake devices: what the machine has (CI machines have no camera). */
        NONE,
        /** Fake devices, but the person says no to the permission prompt. */
        DENIED
    }

    static Browser open(String name) {
        return open(name, Devices.FAKE);
    }

    static Browser open(String name, Devices devices) {
        try {
            Path profile = Files.createTempDirectory("mend-chromium-" + name + "-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            switch (devices) {
                case FAKE -> options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
                case NONE -> options.addArguments("--use-fake-ui-for-media-stream");
                case DENIED -> options.addArguments("--use-fake-device-for-media-stream", "--deny-permission-prompts");
            }
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-default-browser-check", "--lang=en-US",
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NETWORK_SWITCH));
            return new Browser(name, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a page under /app and signs in through Keycloak's own form, as a person would: the password, and for
     * staff the one-time code of their demo authenticator ({@link Totp}), which the realm asks of every staff role.
     */
    void signIn(URL base, String page, String username) {
        signIn(base, page, username, "demo-" + username);
    }

    /** As {@link #signIn(URL, String, String)}, with the password the person set themselves. */
    void signIn(URL base, String page, String username, String password) {
        driver.get(base + "app/" + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        String secret = Totp.demoSecret(username);
        if (secret != null) {
            enterOneTimeCode(username, secret);
        }
        wait.until(d -> d.getCurrentUrl().startsWith(base + "app/" + page));
    }

    /** Time steps whose code was used, per user: Keycloak takes a code once, so a second sign-in waits for the next. */
    private static final java.util.Map<String, Long> USED_STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Answers Keycloak's one-time-code form with the code of the current time step (a fresh one per sign-in). */
    void enterOneTimeCode(String username, String secret) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        long step = Totp.step(java.time.Instant.now());
        Long used = USED_STEPS.get(username);
        if (used != null && used >= step) {
            long next = (used + 1) * Totp.PERIOD_SECONDS * 1000L;
            new org.openqa.selenium.support.ui.FluentWait<>(this)
                    .withTimeout(Duration.ofSeconds(Totp.PERIOD_SECONDS + 5)).pollingEvery(Duration.ofMillis(250))
                    .until(b -> System.currentTimeMillis() >= next);
            step = used + 1;
        }
        USED_STEPS.put(username, step);
        field.sendKeys(Totp.code(secret, step));
        driver.findElement(By.id("kc-login")).click();
    }

    /** Opens an address outside Mend (a link from an e-mail, say). */
    void go(String url) {
        driver.get(url);
    }

    org.openqa.selenium.WebDriver driver() {
        return driver;
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement visible(String id) {
        return visible(By.id(id));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void click(String id) {
        click(By.id(id));
    }

    <T> T until(String what, ExpectedCondition<T> condition) {
        return wait.withMessage(name + ": " + what).until(condition);
    }

    void untilText(String id, String part) {
        until("#" + id + " contains \"" + part + "\"", ExpectedConditions.textToBePresentInElementLocated(By.id(id), part));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page's WebSockets close and its requests fail, as on a dropped link, until {@link #restoreNetwork()}. */
    void dropNetwork() {
        script("window.__mendTest.drop()");
    }

    void restoreNetwork() {
        script("window.__mendTest.restore()");
    }

    /** A screenshot under target/screenshots, named after the browser and the moment. */
    void screenshot(String label) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("mend.it.screenshots", "target/screenshots")));
            Files.write(dir.resolve(name + "-" + label + ".png"), fullPage());
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "No screenshot of " + name + " " + label + ": " + e);
        }
    }

    /** The whole page, not only the viewport (through the DevTools protocol); the viewport if that fails. */
    @SuppressWarnings("unchecked")
    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(((Number) size.get("height")).doubleValue(), 8000));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            return java.util.Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** Phone and desktop widths: nothing overflows or overlaps; a screenshot of each. Ends at desktop width. */
    @SuppressWarnings("unchecked")
    void checkLayout(String label) {
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            driver.manage().window().setSize(size);
            until("the viewport is " + size.width + " wide",
                    d -> ((Number) script("return window.innerWidth")).intValue() <= size.width);
            List<String> problems = (List<String>) script(LAYOUT_PROBLEMS);
            screenshot(label + "-" + size.width);
            assertThat(problems).as(name + " " + label + " at " + size.width + "x" + size.height).isEmpty();
            assertThat(accessibilityViolations()).as(name + " " + label + " at " + size.width
                    + ": axe-core's WCAG 2.1 A and AA rules").isEmpty();
        }
    }

    /** axe-core's script, read once from Deque's jar. */
    private static volatile String axe;

    private static String axe() {
        if (axe == null) {
            try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
                }
                axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axe;
    }

    /**
     * What axe-core finds on the page as it is now, against the WCAG 2.1 A and AA rules: one line per rule and element
     * ("rule: what: selector"). Hidden elements are not checked (axe skips them), so each state is audited as shown.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axe() + "\nreturn true;");
        }
        Object found = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + " window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(r.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + v.help + ': '"
                + " + n.target.join(' ')))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) found;
    }

    /** As if the server had sent this text on the page's open signaling socket. */
    void receive(String text) {
        script("window.__mendTest.receive(arguments[0])", text);
    }

    /** Everything the page logged through console.error so far (an unknown protocol message would be there). */
    List<String> consoleErrors() {
        // Reading the browser's log empties it: keep what was read.
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).forEach(errors::add);
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.fine(() -> "Profile left behind: " + e);
            }
        }
    }
}
