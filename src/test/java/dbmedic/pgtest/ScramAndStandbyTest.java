package dbmedic.pgtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password authentication (scram-sha-256 everywhere) and a hot standby made from the primary's data directory. */
class ScramAndStandbyTest {

    private static PgServer primary;
    private static PgServer standby;

    @BeforeAll
    static void startServers() {
        primary = PgServer.builder(14).scramAuthentication().start();
        primary.execute("postgres", "CREATE TABLE replicated (id int)", "INSERT INTO replicated VALUES (1), (2)");
        standby = primary.standby();
    }

    @AfterAll
    static void stopServers() {
        primary.close();
    }

    @Test
    void wrongPasswordIsRejectedByTheServer() {
        SQLException failure = assertThrows(SQLException.class,
                () -> primary.connection("postgres", PgServer.NORMAL_ROLE, "not-the-password").close());
        assertEquals("28P01", failure.getSQLState());
        assertTrue(failure.getMessage().contains("password authentication failed for user \"immich\""), failure.getMessage());

        SQLException noPassword = assertThrows(SQLException.class,
                () -> primary.connection("postgres", PgServer.SUPERUSER, null).close());
        assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage());
    }

    @Test
    void normalRoleConnectsWithItsPasswordAndIsNoSuperuser() throws SQLException {
        try (Connection connection = primary.connection("postgres", PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            row.next();
            assertEquals("immich", row.getString(1));
            assertEquals(false, row.getBoolean(2));
        }
        assertEquals("scram-sha-256", primary.queryValue("postgres",
                "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' ORDER BY line_number LIMIT 1"));
    }

    @Test
    void rewrittenHbaTakesEffectAtReload() throws SQLException {
        primary.writeHba("local all all scram-sha-256\n"
                + "host all postgres 127.0.0.1/32 scram-sha-256\n"
                + "host all postgres ::1/128 scram-sha-256\n");
        try {
            primary.reloadConfiguration();
            SQLException refused = assertThrows(SQLException.class,
                    () -> primary.connection("postgres", PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD).close());
            assertTrue(refused.getMessage().contains("no pg_hba.conf entry for host"), refused.getMessage());
            assertEquals("28000", refused.getSQLState());
        } finally {
            primary.writeHba(PgServer.SCRAM_HBA);
            primary.reloadConfiguration();
        }
        primary.connection("postgres", PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD).close();
    }

    @Test
    void standbyIsInRecoveryAndReadOnlyWithThePrimarysData() {
        assertEquals("true", standby.queryValue("postgres", "SELECT pg_is_in_recovery()::text"));
        assertEquals("on", standby.queryValue("postgres", "SHOW transaction_read_only"));
        assertEquals("2", standby.queryValue("postgres", "SELECT count(*) FROM replicated"));
        IllegalStateException write = assertThrows(IllegalStateException.class,
                () -> standby.execute("postgres", "CREATE TABLE nope (id int)"));
        assertTrue(write.getMessage().contains("cannot execute CREATE TABLE in a read-only transaction"), write.getMessage());

        assertEquals("false", primary.queryValue("postgres", "SELECT pg_is_in_recovery()::text"));
        assertEquals("off", primary.queryValue("postgres", "SHOW transaction_read_only"));
        assertTrue(standby.port() != primary.port());
        assertTrue(standby.dataDirectory().resolve("standby.signal").toFile().isFile());
    }
}
