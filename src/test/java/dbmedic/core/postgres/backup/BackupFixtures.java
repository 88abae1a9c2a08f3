package dbmedic.core.postgres.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.PgServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Sessions, progress recorders and folder checks the PostgreSQL backup tests share. */
final class BackupFixtures {
    private BackupFixtures() {
    }

    /** A session as the superuser; the password (if any) comes from PGPASSWORD of a private environment. */
    static PgSession session(PgServer pg, String database, String password, Path home) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        return PgSession.open(PostgresTarget.parse(pg.postgresUrl(PgServer.SUPERUSER, database)),
                PostgresOptions.defaults().withEnvironment(env, home));
    }

    static TableSnapshot checksum(PgServer pg, String database, String table) throws Exception {
        try (Connection c = pg.superuserConnection(database)) {
            return TableChecksums.of(c, table, table.equals("smart_search") ? "assetId" : "faceId", Progress.NONE);
        }
    }

    static String columnType(PgServer pg, String database, String table) throws Exception {
        try (Connection c = pg.superuserConnection(database)) {
            return TableChecksums.columnType(c, table, "embedding");
        }
    }

    static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Every file under {@code dir}, read as bytes, must not contain {@code secret}. */
    static void assertNoFileContains(Path dir, String secret) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(!text.contains(secret), f.getFileName() + " contains the password");
            }
        }
    }

    static void assertSameContent(TableSnapshot expected, TableSnapshot actual) {
        assertEquals(expected.rows(), actual.rows(), expected.table() + " rows");
        assertEquals(expected.sha256(), actual.sha256(), expected.table() + " checksum");
    }

    /** Records every message; cancels once an update with work done ({@code done > 0}) has a message matching {@code cancelWhen}. */
    static final class Recorder implements Progress {
        final List<String> messages = new ArrayList<>();
        private final Predicate<String> cancelWhen;
        private volatile boolean cancelled;

        Recorder() {
            this(m -> false);
        }

        Recorder(Predicate<String> cancelWhen) {
            this.cancelWhen = cancelWhen;
        }

        @Override
        public synchronized void update(long done, long total, String message) {
            if (message != null) {
                messages.add(message);
                if (done > 0 && cancelWhen.test(message)) {
                    cancelled = true;
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** A folder with executable shell scripts {@code pg_dump} and {@code pg_restore}. */
    static Path scripts(Path dir, String pgDump, String pgRestore) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("pg_dump"), pgDump);
        write(dir.resolve("pg_restore"), pgRestore);
        return dir;
    }

    private static void write(Path file, String script) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        assertTrue(file.toFile().setExecutable(true));
    }
}
