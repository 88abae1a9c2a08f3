package dbmedic.core.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code <stem>_dbmedic_<yyyyMMdd-HHmmss>.db}, with -1, -2 … so no existing file is ever overwritten. */
public final class BackupNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupNames() {
    }

    public static Path freeName(Path directory, Path database, LocalDateTime when) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String base = stem + "_dbmedic_" + STAMP.format(when);
        Path candidate = directory.resolve(base + ".db");
        for (int i = 1; taken(candidate); i++) {
            candidate = directory.resolve(base + "-" + i + ".db");
        }
        return candidate;
    }

    private static boolean taken(Path p) {
        return Files.exists(p) || Files.exists(BackupManifest.pathFor(p));
    }
}
