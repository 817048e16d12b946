package dev.switchboard.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the function modules' sources say about themselves: which module a Makefile target builds, which modules a
 * module depends on (its pom), and which environment variables its code reads (string literals passed to the
 * {@code Env} readers or {@code System.getenv}).
 *
 * <p>A dependency's class counts only when the module's own code reaches it (by class name, transitively): the
 * shared core also holds the ALB identity settings, which the scheduled auto-off function never loads.
 */
final class SourceScan {

    /**
     * Variables the platform or the SDK provides; the template never sets them. {@code AWS_LAMBDA_*} are
     * Lambda's reserved runtime variables (e.g. {@code AWS_LAMBDA_INITIALIZATION_TYPE}).
     */
    static boolean platformProvided(String name) {
        return name.equals("AWS_REGION") || name.startsWith("AWS_ENDPOINT_URL") || name.startsWith("AWS_LAMBDA_");
    }

    private static final Pattern ENV_READ = Pattern.compile(
            "\\.(?:required|optional|list|requiredList|integer|decimal|httpUrl)\\(\\s*\"([A-Z][A-Z0-9_]*)\""
                    + "|System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    /**
     * A string literal (group 1; possessive, so a long literal cannot overflow the stack), a char literal (group 2),
     * or a comment. One pass tells them apart: a {@code //} inside {@code "https://..."} is not a comment, and a quote
     * inside a comment or a char literal starts no string.
     */
    private static final Pattern STRING_OR_COMMENT = Pattern.compile(
            "(\"(?:\\\\.|[^\"\\\\\\n])*+\")|('(?:\\\\.|[^'\\\\])')|//[^\\n]*+|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
    private static final Pattern MODULE_IN_RECIPE = Pattern.compile("functions/([a-z0-9-]+)|package-function,\\s*([a-z0-9-]+)");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    private final Path root;

    SourceScan(Path root) {
        this.root = root;
    }

    /** The module a Makefile target {@code build-<functionId>} packages, read from its recipe. */
    Optional<String> makefileModule(Path makefile, String functionId) {
        List<String> lines = readLines(makefile);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("build-" + functionId + ":")) {
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\t"); j++) {
                    Matcher m = MODULE_IN_RECIPE.matcher(lines.get(j));
                    if (m.find()) {
                        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
            }
        }
        return Optional.empty();
    }

    Path moduleDir(String module) {
        return root.resolve("functions").resolve(module);
    }

    /** The module and, transitively, every sibling module it depends on outside test scope. */
    List<String> moduleWithDependencies(String module) {
        Map<String, String> dirByArtifact = artifactDirectories();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            Matcher dep = DEPENDENCY.matcher(read(moduleDir(next).resolve("pom.xml")));
            while (dep.find()) {
                String block = dep.group(1);
                Matcher artifact = ARTIFACT.matcher(block);
                if (artifact.find() && dirByArtifact.containsKey(artifact.group(1))
                        && !block.contains("<scope>test</scope>")) {
                    todo.add(dirByArtifact.get(artifact.group(1)));
                }
            }
        }
        return List.copyOf(seen);
    }

    /** Environment variables read by the module's code and the dependency classes it reaches. */
    Set<String> environmentReads(String module) {
        List<String> modules = moduleWithDependencies(module);
        Map<String, Path> dependencyClasses = new HashMap<>();
        for (String dependency : modules.subList(1, modules.size())) {
            for (Path file : javaSources(moduleDir(dependency))) {
                dependencyClasses.putIfAbsent(file.getFileName().toString().replace(".java", ""), file);
            }
        }
        Deque<Path> todo = new ArrayDeque<>(javaSources(moduleDir(module)));
        Set<Path> reached = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Path file = todo.pop();
            if (!reached.add(file)) {
                continue;
            }
            String code = STRING_OR_COMMENT.matcher(read(file))
                    .replaceAll(m -> m.group(1) != null ? "\"\"" : m.group(2) != null ? "' '" : " ");
            Matcher type = TYPE_NAME.matcher(code);
            while (type.find()) {
                Path dependency = dependencyClasses.get(type.group());
                if (dependency != null && !reached.contains(dependency)) {
                    todo.add(dependency);
                }
            }
        }
        Set<String> names = new TreeSet<>();
        reached.forEach(file -> names.addAll(environmentReadsIn(read(file))));
        names.removeIf(SourceScan::platformProvided);
        return names;
    }

    /** Environment variables one source text reads (comments ignored). */
    static Set<String> environmentReadsIn(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = ENV_READ.matcher(STRING_OR_COMMENT.matcher(source)
                .replaceAll(c -> c.group(1) != null || c.group(2) != null ? Matcher.quoteReplacement(c.group()) : " "));
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    private Map<String, String> artifactDirectories() {
        Map<String, String> byArtifact = new HashMap<>();
        try (Stream<Path> dirs = Files.list(root.resolve("functions"))) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).toList()) {
                String pom = read(dir.resolve("pom.xml"));
                int afterParent = pom.indexOf("</parent>");
                Matcher artifact = ARTIFACT.matcher(pom.substring(Math.max(afterParent, 0)));
                if (artifact.find()) {
                    byArtifact.put(artifact.group(1), dir.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byArtifact;
    }

    static List<Path> javaSources(Path moduleDir) {
        Path sources = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".java")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
