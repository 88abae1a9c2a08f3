package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code PG_VERSION}: the major version the data directory belongs to, e.g. the bytes
 * {@code 15\n}. Before 10 the text had two parts ({@code 9.6}); {@link #major()} is then 9.
 */
public record PgVersionFile(String text, int major) {

    /** Empty when the text is not a version (not a PostgreSQL data directory, or damaged). */
    public static Optional<PgVersionFile> parse(String content) {
        String t = content.strip();
        if (!t.matches("[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        int dot = t.indexOf('.');
        return Optional.of(new PgVersionFile(t, Integer.parseInt(dot < 0 ? t : t.substring(0, dot))));
    }

    /** Reads {@code <dataDir>/PG_VERSION}; empty when missing or not a version. */
    public static Optional<PgVersionFile> read(ServerFiles files, String dataDir) throws IOException {
        return files.read(ServerPaths.canonicalize(dataDir + "/PG_VERSION")).flatMap(PgVersionFile::parse);
    }
}
