package dev.switchboard.template;

import dev.switchboard.core.testing.Catalogs;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;
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
 * Every message catalog in every module (found in the sources, so a new catalog is checked without being listed
 * here) has Japanese for every code, not the English copy, with the same placeholders; no code is used twice.
 */
public class MessageCatalogsTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A catalog is a class declaring its texts with {@code Message.of} / {@code ErrorCode.of}. */
    private static final Pattern DECLARES_TEXTS = Pattern.compile("\\b(?:Message|ErrorCode)\\.of\\(");

    @Test
    void everyCatalog_hasJapaneseForEveryCode() {
        List<Class<?>> catalogs = catalogsInSources();

        assertThat(catalogs).contains(CoreErrors.class, CoreText.class);
        assertThat(Catalogs.problems(catalogs)).isEmpty();
    }

    /** The catalog classes of every module's sources (EveryPageInJapaneseTest renders each error code). */
    public static List<Class<?>> catalogsInSources() {
        Path root = RepoRoot.get();
        List<Path> sourceRoots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(sourceRoots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sourceRoots.add(root.resolve("local/dev-server/src/main/java"));
        List<Class<?>> found = new ArrayList<>();
        for (Path sourceRoot : sourceRoots) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    found.addAll(catalogsIn(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /**
     * The file's class, when it declares texts. Texts are declared in top-level catalog classes; one declared in
     * a nested class would not be found, so the test refuses that too.
     */
    private static List<Class<?>> catalogsIn(Path file) throws IOException {
        String source = Files.readString(file);
        if (!DECLARES_TEXTS.matcher(source).find() || file.getFileName().toString().equals("Message.java")
                || file.getFileName().toString().equals("ErrorCode.java")) {
            return List.of();
        }
        Matcher pkg = PACKAGE.matcher(source);
        String name = (pkg.find() ? pkg.group(1) + "." : "") + file.getFileName().toString().replace(".java", "");
        Class<?> catalog;
        try {
            catalog = Class.forName(name, true, MessageCatalogsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("catalog " + name + " is not on the dev server's class path", e);
        }
        long declared = DECLARES_TEXTS.matcher(source).results().count();
        assertThat(Catalogs.entries(catalog)).as("texts of %s are public static final constants of the top-level class"
                + " (nested or private ones would escape this check)", name).hasSize((int) declared);
        return List.of(catalog);
    }
}
