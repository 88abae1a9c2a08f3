package dbmedic.cli;

import static dbmedic.cli.MigrationWitness.await;
import static dbmedic.cli.MigrationWitness.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbmedic repair --ssh ...} while the SSH server goes away: the migration's transaction
 * is open (smart_search converted, waiting for face_search, whose lock a prepared transaction
 * holds). The command says the SSH connection was lost and that PostgreSQL rolls back; the
 * server does roll back (both columns wholly old), and the same command completes once the
 * server is back.
 */
@Timeout(600)
class TunnelDroppedMidMigrationTest {
    @TempDir
    Path tmp;

    private String[] repair(SshTestServer ssh, String url) throws Exception {
        Files.writeString(tmp.resolve("known_hosts"), ssh.knownHostsLines());
        return new String[] {"repair", url, "--yes", "--timeout", "600",
            "--backup-dir", tmp.resolve("backups").toString(), "--journal-dir", tmp.resolve("journals").toString(),
            "--ssh", ssh.destination(), "--ssh-key", SshTestServer.key("id_ed25519").toString(),
            "--known-hosts", tmp.resolve("known_hosts").toString(), "--ssh-config", tmp.resolve("no-config").toString()};
    }

    @Test
    void aDroppedTunnelIsSaidAndTheTransactionRollsBack() throws Exception {
        try (PgServer pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .serverConfig("max_prepared_transactions", "2").start()) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(768).rows(2000).create();
            try (Connection c = pg.superuserConnection("immich"); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("LOCK TABLE face_search IN ROW EXCLUSIVE MODE");
                st.execute("PREPARE TRANSACTION 'hold_face_search'");
            }
            String url = pg.postgresUrl("postgres", "immich");
            String waiting = "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'DB Medic (migration%'"
                    + " AND wait_event_type = 'Lock'";
            CliRunner.Result result;
            String pid;
            try (SshTestServer ssh = SshTestServer.builder().start()) {
                String[] args = repair(ssh, url);
                CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> CliRunner.run(args));
                await("the migration to wait for face_search", () -> {
                    if (run.isDone()) {
                        throw new AssertionError("repair ended early: " + run.join());
                    }
                    return pg.queryValue("postgres", waiting) != null;
                });
                pid = pg.queryValue("postgres", waiting);
                ssh.stop();
                result = run.get(120, TimeUnit.SECONDS);
            }
            assertEquals(ExitCode.REPAIR_FAILED, result.code(), result.out() + result.err());
            List<String> errors = result.err().lines().filter(l -> l.startsWith("dbmedic: ")).toList();
            assertEquals(1, errors.size(), result.err());
            assertTrue(errors.get(0).startsWith("dbmedic: the SSH connection to admin@127.0.0.1:"), errors.get(0));
            assertTrue(errors.get(0).contains("was lost; PostgreSQL rolls back whatever transaction was open on it"),
                    errors.get(0));

            pg.execute("immich", "ROLLBACK PREPARED 'hold_face_search'");
            // The server process finds its client gone and ends; its transaction never committed.
            await("the migration's server process to end",
                    () -> pg.queryValue("postgres", "SELECT pid FROM pg_stat_activity WHERE pid = " + pid) == null);
            assertEquals("vectors:vector(768)", type(pg, "smart_search"));
            assertEquals("vectors:vector(512)", type(pg, "face_search"));

            try (SshTestServer again = SshTestServer.builder().start()) {
                CliRunner.Result rerun = CliRunner.run(repair(again, url));
                assertEquals(ExitCode.OK, rerun.code(), rerun.out() + rerun.err());
                assertTrue(rerun.out().contains("Lossless"), rerun.out());
            }
            assertEquals("public:vector(768)", type(pg, "smart_search"));
            assertEquals("public:vector(512)", type(pg, "face_search"));
        }
    }
}
