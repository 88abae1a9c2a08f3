package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshSettings;
import dbmedic.core.ssh.Tunnel;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live diagnosis through an SSH tunnel (in-JVM MINA server → embedded PostgreSQL 17 with
 * passwords) equals the direct one, and a tunnel dropped during a statement fails that
 * statement and ends the server-side session (its transaction rolled back).
 */
@Timeout(300)
class SshTunnelDiagnosisTest {
    private static PgServer pg;
    @TempDir
    Path dir;
    private SshTestServer ssh;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(17).scramAuthentication().serverConfig("shared_preload_libraries", "vectors.so").start();
        ImmichShape.create(pg, "immich", PgServer.NORMAL_ROLE, "v1.135.0", "vectors.vector(512)", "CREATE EXTENSION vectors",
                "GRANT USAGE ON SCHEMA vectors TO PUBLIC");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void stopSsh() {
        if (ssh != null) {
            ssh.close();
        }
    }

    private SshConnection connect() throws Exception {
        ssh = SshTestServer.builder().start();
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        SshSettings s = SshSettings.parse(ssh.destination()).withKnownHosts(dir.resolve("known_hosts"))
                .withIdentityFiles(List.of(SshTestServer.key("id_ed25519"))).withAgent(false)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2), 2);
        return SshConnection.open(s, TestPrompts.none());
    }

    private PostgresOptions options() {
        return PostgresOptions.defaults().withEnvironment(Map.of("PGPASSWORD", PgServer.NORMAL_PASSWORD), dir);
    }

    private PostgresTarget target() throws Exception {
        return PostgresTarget.parse("postgresql://" + PgServer.NORMAL_ROLE + "@127.0.0.1:" + pg.port() + "/immich");
    }

    private static List<String> shown(Diagnosis d) {
        return d.findings().stream().map(SshTunnelDiagnosisTest::shown).toList();
    }

    private static String shown(Finding f) {
        return f.severity() + " " + f.id() + " | " + f.subject() + " | " + f.summary() + " | " + f.evidence() + " | " + f.cause();
    }

    @Test
    void diagnosisThroughTheTunnelEqualsTheDirectOne() throws Exception {
        Diagnosis direct = new PostgresDiagnoser().diagnose(target(), options(), null);
        try (SshConnection c = connect(); Tunnel t = c.forward("127.0.0.1", pg.port())) {
            Diagnosis tunnelled = new PostgresDiagnoser().diagnose(target(), options().withTunnel(t.endpoint()), null);
            assertFalse(direct.findings().isEmpty());
            assertTrue(direct.findings().stream().anyMatch(f -> f.id().startsWith("immich.")), shown(direct).toString());
            assertEquals(shown(direct), shown(tunnelled));
            assertEquals(direct.target().displayName(), tunnelled.target().displayName(), "the real host is kept");
        }
    }

    @Test
    void theTunnelReallyCarriesTheSession() throws Exception {
        try (SshConnection c = connect(); Tunnel t = c.forward("127.0.0.1", pg.port());
             PgSession session = PgSession.open(target(), options().withTunnel(t.endpoint()));
             Connection conn = session.readOnly("tunnel check");
             Statement st = conn.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'DB Medic (tunnel check)'"
                     + " AND client_port IS NOT NULL")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertTrue(PgConnector.properties(target(), options().withTunnel(t.endpoint()), null)
                    .getProperty("socketFactoryArg").endsWith(":" + t.localPort()));
            assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/immich", PgConnector.jdbcUrl(target()),
                    "the URL keeps the real host, so verify-full checks the real name");
        }
    }

    @Test
    void aTunnelDroppedMidStatementFailsTheStatementAndTheServerEndsTheSession() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (SshConnection c = connect(); Tunnel t = c.forward("127.0.0.1", pg.port());
             PgSession session = PgSession.open(target(), options().withTunnel(t.endpoint()))) {
            Connection conn = session.forChange("tunnel drop");
            try (Statement st = conn.createStatement()) {
                // PostgreSQL 14+ checks the client socket during a long statement.
                st.execute("SET client_connection_check_interval = '500ms'");
            }
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TEMP TABLE during_drop (x int)");
            }
            Future<?> running = pool.submit(() -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("SELECT pg_sleep(600)");
                }
                return null;
            });
            waitUntil(() -> count("application_name = 'DB Medic (tunnel drop)' AND state = 'active'") == 1);
            ssh.stop();
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(120, TimeUnit.SECONDS));
            SQLException sql = assertInstanceOf(SQLException.class, e.getCause());
            assertEquals("08006", sql.getSQLState(), sql.getMessage());
            waitUntil(() -> count("application_name = 'DB Medic (tunnel drop)'") == 0);
            assertFalse(c.isConnected());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(String where) {
        return Integer.parseInt(pg.queryValue("postgres", "SELECT count(*) FROM pg_stat_activity WHERE " + where));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within 120 s");
            }
            Thread.sleep(100);
        }
    }
}
