package dbmedic.core.target;

import java.nio.file.Path;

/**
 * A SQLite database file. {@code given} is what the user pointed at (the file, an InvokeAI
 * root folder, a GPUStack data folder); {@code database} is the resolved file;
 * {@code appHint} is the app the location suggests ("invokeai", "gpustack"), or null.
 */
public record SqliteTarget(Path given, Path database, String appHint) implements Target {

    public Path wal() {
        return sibling("-wal");
    }

    public Path shm() {
        return sibling("-shm");
    }

    public Path journal() {
        return sibling("-journal");
    }

    private Path sibling(String suffix) {
        return database.resolveSibling(database.getFileName().toString() + suffix);
    }

    @Override
    public String displayName() {
        return database.toString();
    }

    @Override
    public String engine() {
        return "sqlite";
    }
}
