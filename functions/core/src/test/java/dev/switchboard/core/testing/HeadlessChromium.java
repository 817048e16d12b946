package dev.switchboard.core.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in Debian's real headless Chromium: once for the DOM after scripts ran
 * ({@code --dump-dom}), once for a PNG screenshot. In CI ({@code CI} set) a missing browser fails the
 * test; on a developer machine it skips, saying what to install.
 */
public final class HeadlessChromium {

    /** The probe's flags: without the background-networking ones Chromium dials out and stalls here. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-quic", "--hide-scrollbars", "--virtual-time-budget=3000");

    private HeadlessChromium() {
    }

    /** The rendered page: its DOM as HTML, and where the screenshot was written. */
    public record Page(String dom, Path screenshot) {

        /** The visible text, roughly: tags stripped, whitespace collapsed. For "the page says X" assertions. */
        public String text() {
            return dom.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                    .replaceAll("<[^>]+>", " ")
                    .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'")
                    .replaceAll("\\s+", " ").trim();
        }
    }

    public static Path executable() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk (local/test does it)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /**
     * Loads {@code url} with the given window size and {@code Accept-Language}, and writes the screenshot
     * to {@code screenshot}.
     */
    public static Page render(String url, Path screenshot, int width, int height, String acceptLanguage) {
        Path chromium = executable();
        try {
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            String dom = run(chromium, url, acceptLanguage, width, height, "--dump-dom");
            run(chromium, url, acceptLanguage, width, height, "--screenshot=" + screenshot.toAbsolutePath());
            if (!Files.exists(screenshot) || Files.size(screenshot) == 0) {
                throw new AssertionError("Chromium wrote no screenshot for " + url);
            }
            return new Page(dom, screenshot);
        } catch (IOException e) {
            throw new AssertionError("Chromium could not render " + url, e);
        }
    }

    private static String run(Path chromium, String url, String acceptLanguage, int width, int height, String mode)
            throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--window-size=" + width + "," + height);
        command.add("--lang=" + acceptLanguage.split(",")[0]);
        command.add("--accept-lang=" + acceptLanguage);
        command.add(mode);
        command.add(url);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not finish within 60 s for " + url);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
