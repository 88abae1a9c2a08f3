package dbmedic.bench;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.migrate.BackupEvidence;
import dbmedic.core.immich.migrate.ImmichMigration;
import dbmedic.core.immich.migrate.MigrationPlan;
import dbmedic.core.immich.migrate.MigrationVerification;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.BackupOrigin;
import dbmedic.core.postgres.backup.TableChecksums;
import dbmedic.core.postgres.backup.TableSnapshot;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The migration pgvecto.rs → VectorChord (plan pgvectors-to-vchord) of 200 000 rows × 512
 * dimensions, PostgreSQL 14 on the fixture extensions: DB Medic's apply against
 * {@code psql -v ON_ERROR_STOP=1 -1 -f statements.sql} running the same statements, each on its
 * own identical copy of the database ({@code CREATE DATABASE ... TEMPLATE}). DB Medic's apply
 * also locks each table and proves inside the transaction that it still holds what the backup
 * holds (BackupOrigin; the full checksum only when that proves nothing); that part is reported
 * on its own line. Writes a section of docs/benchmarks.md; asserts nothing.
 */
class ImmichMigrationBench {
    private static final int ROWS = 200_000;
    private static final String SECTION = "## PostgreSQL: Immich migration pgvecto.rs → VectorChord";

    @Test
    void measure() throws Exception {
        try (PgServer pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start()) {
            long build = System.nanoTime();
            ImmichDatabase.on(pg).name("immich_template").immichVersion("1.137.0")
                    .extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(512).rows(ROWS).create();
            long buildS = (System.nanoTime() - build) / 1_000_000_000L;
            pg.execute("postgres", "CREATE DATABASE immich_psql TEMPLATE immich_template",
                    "CREATE DATABASE immich_medic TEMPLATE immich_template");
            Path work = Files.createTempDirectory("migration-bench");

            // The same statements, from the same plan, for both runs.
            // What a backup records, read in one snapshot as ImmichBackup does.
            List<TableSnapshot> snapshots = new ArrayList<>();
            BackupOrigin origin;
            try (Connection c = pg.superuserConnection("immich_medic")) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                snapshots.add(TableChecksums.of(c, "smart_search", "assetId", Progress.NONE));
                snapshots.add(TableChecksums.of(c, "face_search", "faceId", Progress.NONE));
                origin = BackupOrigin.read(c, List.of("smart_search", "face_search"));
                c.commit();
            }
            BackupEvidence backup = BackupEvidence.of(work.resolve("backup"), true, snapshots, origin);
            // psql's copy is read the same way, so both runs start with the same cache.
            try (Connection c = pg.superuserConnection("immich_psql")) {
                TableChecksums.of(c, "smart_search", "assetId", Progress.NONE);
                TableChecksums.of(c, "face_search", "faceId", Progress.NONE);
            }
            PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of(), work);
            try (PgSession session = PgSession.open(PostgresTarget.parse(pg.postgresUrl("postgres", "immich_medic")), options)) {
                ImmichMigration m = new ImmichMigration(session, ImmichKnowledge.load(), work.resolve("journals"));
                MigrationPlan plan = m.plans(m.readState(Progress.NONE)).get(0);
                Path script = work.resolve("statements.sql");
                Files.writeString(script, String.join(";\n", plan.allStatements()) + ";\n", StandardCharsets.UTF_8);

                long p0 = System.nanoTime();
                Process psql = new ProcessBuilder("psql", "-X", "-q", "-h", "localhost", "-p", Integer.toString(pg.port()),
                        "-U", PgServer.SUPERUSER, "-d", "immich_psql", "-v", "ON_ERROR_STOP=1", "-1", "-f", script.toString())
                        .redirectErrorStream(true).start();
                String psqlOut = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int psqlCode = psql.waitFor();
                long psqlMs = (System.nanoTime() - p0) / 1_000_000;
                if (psqlCode != 0) {
                    throw new IllegalStateException("psql failed: " + psqlOut);
                }

                TimedProgress progress = new TimedProgress();
                long m0 = System.nanoTime();
                m.apply(plan, plan.phases().get(0), backup, progress);
                long medicMs = (System.nanoTime() - m0) / 1_000_000;
                long checkMs = progress.checkingMs();
                System.out.println("ImmichMigrationBench: psql " + psqlMs + " ms, DB Medic apply " + medicMs
                        + " ms (checks inside " + checkMs + " ms)");
                // Written before the verification, so a failure there does not lose the timings.
                writeSection(Path.of(System.getProperty("dbmedic.benchmarks")),
                        section(pg, buildS, plan, psqlMs, medicMs, checkMs, "not run yet"));
                MigrationVerification v = m.verify(plan, backup, Progress.NONE);
                writeSection(Path.of(System.getProperty("dbmedic.benchmarks")),
                        section(pg, buildS, plan, psqlMs, medicMs, checkMs, v.lossless() ? "yes" : "NO"));
            }
        }
    }

    private static String section(PgServer pg, long buildS, MigrationPlan plan, long psqlMs, long medicMs, long checkMs,
                                  String lossless) {
        String version = pg.queryValue("postgres", "SHOW server_version");
        String section = SECTION + "\n\n"
                + "Measured by `mvn -Pbench verify` (`src/test/java/dbmedic/bench/ImmichMigrationBench.java`) on "
                + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC:"
                + " PostgreSQL " + version + " (embedded) with the fixture extensions, an Immich v1.137.0 database of"
                + " the pgvecto.rs era with " + ROWS + " rows of 512 dimensions in smart_search and in face_search"
                + " (built in " + buildS + " s), copied twice with CREATE DATABASE ... TEMPLATE. Both runs execute"
                + " the " + plan.allStatements().size() + " statements of plan `pgvectors-to-vchord` in one"
                + " transaction, one run each, after both copies were read once (as the backup reads the"
                + " database just before a migration). The fixture's casts are SQL stand-ins, so absolute times are not"
                + " those of the real pgvecto.rs/VectorChord libraries; the ratio compares like with like.\n\n"
                + "| what | time |\n|---|---|\n"
                + "| `psql -v ON_ERROR_STOP=1 -1 -f statements.sql` (psql 15) | " + psqlMs + " ms |\n"
                + "| DB Medic `ImmichMigration.apply`, whole phase | " + medicMs + " ms |\n"
                + "| of which: lock + proof that both tables still hold what the backup holds, inside the transaction | "
                + checkMs + " ms |\n"
                + "| DB Medic without that check (statements, journal, guards) | " + (medicMs - checkMs) + " ms |\n"
                + "| ratio DB Medic / psql, whole phase | " + ratio(medicMs, psqlMs) + " |\n"
                + "| ratio DB Medic / psql, statements only (aim ≤ 1.1) | " + ratio(medicMs - checkMs, psqlMs) + " |\n"
                + "| verification afterwards (rows and checksums equal the backup's) | " + lossless + " |\n\n";
        return section;
    }

    private static String ratio(long a, long b) {
        return String.format(java.util.Locale.ROOT, "%.2f", b == 0 ? 0.0 : (double) a / b);
    }

    /** Adds up the time spent between a "Checking ..." message and the next message. */
    private static final class TimedProgress implements Progress {
        private String last;
        private long since;
        private long checking;

        @Override
        public synchronized void update(long done, long total, String message) {
            if (message == null || message.equals(last) || message.startsWith("Reading every row of ")) {
                return;
            }
            long now = System.nanoTime();
            if (last != null && last.startsWith("Checking ")) {
                checking += now - since;
            }
            last = message;
            since = now;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        long checkingMs() {
            return checking / 1_000_000;
        }
    }

    /** Replaces (or appends) this benchmark's section; the other sections stay. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(SECTION);
        if (start >= 0) {
            int next = text.indexOf("\n## ", start + SECTION.length());
            text = text.substring(0, start) + section + (next >= 0 ? text.substring(next + 1) : "");
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
