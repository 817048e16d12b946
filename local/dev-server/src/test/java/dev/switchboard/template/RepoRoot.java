package dev.switchboard.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: surefire passes it; from an IDE we walk up to the directory holding template.yaml. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path get() {
        String property = System.getProperty("switchboard.root");
        if (property != null && !property.isBlank() && Files.exists(Path.of(property, "template.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
}
