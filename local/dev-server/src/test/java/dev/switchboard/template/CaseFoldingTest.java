package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Unicode case folding in the functions (issue 13.1): {@code toLowerCase}, {@code toUpperCase} and
 * {@code equalsIgnoreCase} map look-alikes onto ASCII letters (U+212A KELVIN SIGN → k, U+017F LONG S → S), which
 * once made a directory user an administrator. Comparisons go through {@code AsciiCase}; an enum constant's own
 * {@code name()} is the one exception (ASCII by construction).
 */
class CaseFoldingTest {

    private static final Pattern FOLDING = Pattern.compile(
            "(\\bname\\(\\)|\\bAsciiCase)?\\.(toLowerCase|toUpperCase|equalsIgnoreCase|compareToIgnoreCase)\\(|UNICODE_CASE");

    @Test
    void functionSources_neverFoldCaseThroughUnicode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(RepoRoot.get().resolve("functions"))) {
            for (Path module : modules.sorted().toList()) {
                for (Path file : SourceScan.javaSources(module)) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = FOLDING.matcher(lines.get(i));
                        while (m.find()) {
                            if (m.group(1) == null) {
                                found.add(RepoRoot.get().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                            }
                        }
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }

        assertThat(found).isEmpty();
    }
}
