package dev.switchboard.devserver;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Debian's real Chromium, driven through Debian's {@code chromium-driver} by Selenium, the way a person uses
 * the pages: it types, ticks and clicks, follows links and redirects, sends the headers the browser itself
 * chooses ({@code Origin}, {@code Sec-Fetch-Site}, cookies). Never a downloaded browser: the driver and the
 * binary are given by path, so Selenium Manager has nothing to fetch. In CI ({@code CI} set) a missing
 * browser or driver fails the test; on a developer machine it skips, saying what to install.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** The brief's flags: without the background-networking ones Chromium dials out and stalls here. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars");

    /** A desktop window and a phone (iPhone 12–15 size), in CSS pixels. */
    enum Viewport {
        DESKTOP(1280, 900, false), PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private static final AtomicLong OPEN_NANOS = new AtomicLong();
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final long openedAt = System.nanoTime();
    private final ChromeDriver driver;
    private final Path profile;
    private final Path shots;
    private final String language;

    private Chromium(ChromeDriver driver, Path profile, Path shots, String language) {
        this.driver = driver;
        this.profile = profile;
        this.shots = shots;
        this.language = language;
    }

    /** Fails (CI) or skips (a developer's machine) when Debian's chromium or chromium-driver is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Chromium or its driver is not installed: apt-get install -y chromium chromium-driver"
                + " fonts-noto-cjk (local/test does it)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    /**
     * Starts a fresh browser (its own empty profile) that speaks {@code language} ("en" or "ja": {@code --lang}
     * and the Accept-Language preference) in {@code viewport}; screenshots go to {@code shots}.
     */
    static Chromium start(String language, Viewport viewport, Path shots) {
        requireInstalled();
        try {
            Path profile = Files.createTempDirectory("chromium-journey");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments(FLAGS);
            options.addArguments("--user-data-dir=" + profile, "--lang=" + language,
                    "--window-size=" + viewport.width + "," + viewport.height);
            String acceptLanguage = language.equals("ja") ? "ja,en;q=0.5" : "en-US,en";
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            if (viewport.mobile) {
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("width", viewport.width);
                metrics.put("height", viewport.height);
                metrics.put("pixelRatio", 2.0);
                metrics.put("mobile", true);
                metrics.put("touch", true);
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", metrics));
            }
            ChromeDriver driver = startDriver(options);
            STARTED.incrementAndGet();
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
            Files.createDirectories(shots);
            return new Chromium(driver, profile, shots, language);
        } catch (IOException e) {
            throw new AssertionError("cannot start Chromium", e);
        }
    }

    /**
     * Starts the driver and its browser, a second time if the first one does not come up: on a loaded machine
     * Chromium can miss chromedriver's start-up deadline ("DevToolsActivePort file doesn't exist").
     */
    private static ChromeDriver startDriver(ChromeOptions options) {
        for (int attempt = 1; ; attempt++) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            try {
                return new ChromeDriver(service, options);
            } catch (org.openqa.selenium.SessionNotCreatedException e) {
                service.stop();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    String language() {
        return language;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The page's visible text, as a person reads it. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Clicks the button or link whose visible text is exactly {@code label}, and waits until the page it leads
     * to has loaded (a click returns before a form's answer has arrived).
     */
    void click(String label) {
        clickAndWait(find(label));
    }

    /** Clicks an element that leads to another page, and waits until that page has loaded. */
    void clickAndWait(WebElement element) {
        WebElement before = driver.findElement(By.tagName("html"));
        element.click();
        await(60, "the next page after a click", () -> {
            try {
                before.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return "complete".equals(driver.executeScript("return document.readyState"));
            }
        });
    }

    /** Clicks something that should not leave the page (e.g. a submit the browser holds back). */
    void clickStaying(String label) {
        find(label).click();
    }

    WebElement find(String label) {
        List<WebElement> found = new ArrayList<>(driver.findElements(By.xpath(
                "//button[normalize-space(.)=" + xpathLiteral(label) + "] | //a[normalize-space(.)=" + xpathLiteral(label) + "]")));
        if (found.isEmpty()) {
            throw new AssertionError("no button or link \"" + label + "\" on " + url() + ":\n" + text());
        }
        return found.get(0);
    }

    /** Types into the field with this id, replacing what is there. */
    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Waits (up to {@code seconds}) for something the page does by itself, e.g. its own refresh. */
    void await(int seconds, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException reloading) {
                // the page was being replaced while we looked; look again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; the page says:\n" + text());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Writes a PNG of the whole page (not only the window) and returns its path. */
    Path screenshot(String name) {
        Number height = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = shots.resolve(name + "-" + language + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
        return file;
    }

    /** How long browsers have been open in this JVM, summed (side-by-side browsers each count). */
    static long openNanos() {
        return OPEN_NANOS.get();
    }

    static int started() {
        return STARTED.get();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            OPEN_NANOS.addAndGet(System.nanoTime() - openedAt);
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }

    private static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "',\"'\",'") + "')";
    }
}
