package dbmedic.cli;

import static dbmedic.cli.MigrationWitness.await;
import static dbmedic.cli.MigrationWitness.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs {@code dbmedic repair --yes} and is destroyed forcibly while its transaction
 * is open, after it converted smart_search and while it waits for face_search. A prepared
 * transaction holds the lock on face_search (so no other session is connected to trip the
 * guard). Afterwards each column is wholly old, and running the command again completes.
 */
class KillMidMigrationTest {
    @TempDir
    Path tmp;

    @Test
    void killedWhileWaitingAfterSmartSearchLeavesBothColumnsOldAndARerunCompletes() throws Exception {
        try (PgServer pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .serverConfig("max_prepared_transactions", "2").start()) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(768).rows(3000).create();
            String before = pg.queryValue("immich", "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension");
            try (Connection c = pg.superuserConnection("immich"); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("LOCK TABLE face_search IN ROW EXCLUSIVE MODE");
                st.execute("PREPARE TRANSACTION 'hold_face_search'");
            }
            String url = pg.postgresUrl("postgres", "immich");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dbmedic.Launcher",
                    "repair", url, "--yes", "--timeout", "600",
                    "--backup-dir", tmp.resolve("backups").toString(), "--journal-dir", tmp.resolve("journals").toString()));
            Process child = new ProcessBuilder(command)
                    .redirectOutput(tmp.resolve("child.out").toFile())
                    .redirectError(tmp.resolve("child.err").toFile())
                    .start();
            String waiting = "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'DB Medic (migration%'"
                    + " AND wait_event_type = 'Lock'";
            String pid;
            try {
                await("the child to wait for face_search", () -> {
                    if (!child.isAlive()) {
                        throw new AssertionError("child ended early: " + read(tmp.resolve("child.out"))
                                + read(tmp.resolve("child.err")));
                    }
                    return pg.queryValue("postgres", waiting) != null; // not from immich: that would be another session there
                });
                pid = pg.queryValue("postgres", waiting);
                // It converted smart_search inside its open transaction: its lock on smart_search is ACCESS EXCLUSIVE.
                assertEquals("AccessExclusiveLock", pg.queryValue("immich", "SELECT mode FROM pg_locks WHERE pid = " + pid
                        + " AND relation = 'smart_search'::regclass AND granted ORDER BY mode LIMIT 1"));
                Path journal;
                try (var files = Files.list(tmp.resolve("journals"))) {
                    journal = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
                }
                assertTrue(Files.readString(journal).contains("\"phaseRunning\" : \"convert\""));
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            pg.execute("immich", "ROLLBACK PREPARED 'hold_face_search'");
            // Its server process finds the client gone and ends; its transaction never committed.
            await("the child's server process to end",
                    () -> pg.queryValue("postgres", "SELECT pid FROM pg_stat_activity WHERE pid = " + pid) == null);

            assertEquals("vectors:vector(768)", type(pg, "smart_search"));
            assertEquals("vectors:vector(512)", type(pg, "face_search"));
            assertEquals(before, pg.queryValue("immich", "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension"));
            assertEquals("2", pg.queryValue("immich", "SELECT count(*) FROM pg_indexes WHERE indexname IN ('clip_index', 'face_index')"));

            CliRunner.Result rerun = CliRunner.run("repair", url, "--yes", "--backup-dir", tmp.resolve("backups").toString(),
                    "--journal-dir", tmp.resolve("journals").toString());
            assertEquals(ExitCode.OK, rerun.code(), rerun.out() + rerun.err());
            assertTrue(rerun.out().contains("Resuming from the journal"), rerun.out());
            assertTrue(rerun.out().contains("Lossless"), rerun.out());
            assertEquals("public:vector(768)", type(pg, "smart_search"));
            assertEquals("public:vector(512)", type(pg, "face_search"));
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
