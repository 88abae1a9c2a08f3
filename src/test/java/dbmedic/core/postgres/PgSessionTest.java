package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.UnusableInputException;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session asks for the password once, keeps it for each later connection, and its read-only connections cannot write. */
class PgSessionTest {
    private static PgServer pg;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(14).scramAuthentication().start();
        pg.execute("postgres", "CREATE TABLE IF NOT EXISTS session_probe (n int)");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private PostgresTarget target(String userInfo) throws UnusableInputException {
        return PostgresTarget.parse("postgresql://" + userInfo + "@127.0.0.1:" + pg.port() + "/postgres");
    }

    @Test
    void promptsOnceAndReusesThePasswordForEveryConnection() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of(), home)
                .withPasswordPrompt(q -> {
                    asked.incrementAndGet();
                    return Optional.of(PgServer.SUPERUSER_PASSWORD.toCharArray());
                });
        try (PgSession session = PgSession.open(target(PgServer.SUPERUSER), options)) {
            try (Connection a = session.readOnly("test"); Connection b = session.forChange("test")) {
                assertTrue(a.isValid(5));
                assertTrue(b.isValid(5));
            }
            try (Connection c = session.readOnly("again")) {
                assertTrue(c.isValid(5));
            }
            assertEquals(1, asked.get(), "one prompt for the whole session");
            assertEquals(PgServer.SUPERUSER_PASSWORD, new String(session.passwordForChildProcess().orElseThrow()));
        }
    }

    @Test
    void theUrlPasswordServesSeveralConnectionsAndClosingForgetsIt() throws Exception {
        PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of(), home);
        PgSession session = PgSession.open(target(PgServer.SUPERUSER + ":" + PgServer.SUPERUSER_PASSWORD), options);
        try (Connection a = session.readOnly("one"); Connection b = session.readOnly("two")) {
            assertTrue(a.isValid(5) && b.isValid(5));
        }
        session.close();
        assertTrue(session.passwordForChildProcess().isEmpty());
    }

    @Test
    void readOnlyConnectionsRefuseWritesAndChangeConnectionsCommit() throws Exception {
        PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of("PGPASSWORD", PgServer.SUPERUSER_PASSWORD), home);
        try (PgSession session = PgSession.open(target(PgServer.SUPERUSER), options)) {
            try (Connection ro = session.readOnly("diagnosis"); Statement st = ro.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute("INSERT INTO session_probe VALUES (1)"));
                assertEquals("25006", refused.getSQLState());
            }
            try (Connection rw = session.forChange("migration"); Statement st = rw.createStatement()) {
                assertTrue(rw.getAutoCommit());
                st.execute("INSERT INTO session_probe VALUES (2)");
            }
        }
        assertEquals("1", pg.queryValue("postgres", "SELECT count(*) FROM session_probe WHERE n = 2"));
        assertEquals("0", pg.queryValue("postgres", "SELECT count(*) FROM session_probe WHERE n = 1"));
    }

    @Test
    void aWrongPasswordIsOneClearLineWithoutThePassword() throws Exception {
        PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of("PGPASSWORD", "not-the-password-xyz"), home);
        try (PgSession session = PgSession.open(target(PgServer.SUPERUSER), options)) {
            UnusableInputException e = assertThrows(UnusableInputException.class, () -> session.forChange("migration"));
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password-xyz"));
        }
    }
}
