package dbmedic.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Replays InvokeAI's numeric migrations (generation 1, see the InvokeAI knowledge notes) from SQL
 * resources, recording each version in {@code migrations} the way the app's migrator does:
 * the migration's statements and its version row commit together.
 */
public final class InvokeAiLegacyChain {
    /** Folder of the migration scripts 1..14, the early migration 15 and the sample rows. */
    public static final String RESOURCES = "dbmedic/demo/invokeai/";

    private InvokeAiLegacyChain() {
    }

    /** Creates the migrator's version table with its version-0 row, as the app does on first start. */
    public static void createMigrationsTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TABLE migrations (
                        version INTEGER PRIMARY KEY,
                        migrated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))
                    )""");
            st.execute("INSERT INTO migrations (version) VALUES (0)");
        }
    }

    /** Resource of a migration shipped with the demo (1..14). */
    public static String mainMigration(int version) {
        return RESOURCES + String.format("migration_%02d.sql", version);
    }

    /** Runs one migration script and records {@code version}, in one transaction. */
    public static void apply(Connection connection, String resource, int version) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            SqlScript.run(connection, resource);
            record(connection, version);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** Adds a version row (used alone to record a migration whose work was done in code). */
    public static void record(Connection connection, int version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO migrations (version) VALUES (?)")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }

    /** Migrations 1..14 exactly as released; the state every InvokeAI 4.2.8 database has. */
    public static void applyUpTo14(Connection connection) throws SQLException {
        for (int v = 1; v <= 14; v++) {
            apply(connection, mainMigration(v), v);
        }
    }
}
