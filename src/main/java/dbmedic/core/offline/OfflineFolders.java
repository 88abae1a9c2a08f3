package dbmedic.core.offline;

import dbmedic.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Recognises the folders offline diagnosis understands, by the files they hold. */
public final class OfflineFolders {

    /** Docker Compose's own search order for the default file name. */
    static final List<String> COMPOSE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");

    private OfflineFolders() {
    }

    /**
     * A {@link DataDirectoryTarget} when {@code folder} holds PG_VERSION, else a
     * {@link ComposeFolderTarget} when it holds a compose file; empty otherwise (also for a
     * file or a missing path).
     */
    public static Optional<Target> detect(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(folder.resolve("PG_VERSION"))) {
            return Optional.of(new DataDirectoryTarget(folder));
        }
        return composeFile(folder).map(f -> new ComposeFolderTarget(folder, f));
    }

    /** The compose file Docker Compose would pick in {@code folder}. */
    public static Optional<Path> composeFile(Path folder) {
        for (String name : COMPOSE_NAMES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
