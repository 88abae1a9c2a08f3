package dbmedic.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The wizard's built-in demo: an InvokeAI root whose database is recorded at migration 15
 * but lacks {@code session_queue.destination} (the v4.2.9 dev-build state behind
 * "no such column: destination"), with a few friendly sample rows.
 */
public final class DemoDatabase {
    /** Database file inside the root, as InvokeAI lays it out. */
    public static final String DB_RELATIVE = "databases/invokeai.db";

    private static final String YAML = """
            # Internal metadata - do not edit:
            schema_version: 4.0.2

            # Put user settings here - see https://invoke-ai.github.io/InvokeAI/configuration/:
            """;

    private DemoDatabase() {
    }

    /**
     * Writes {@code <folder>/databases/invokeai.db} and {@code <folder>/invokeai.yaml}; returns the root folder.
     * Refuses to overwrite an existing database, so the demo can never clobber a real one.
     */
    public static Path create(Path folder) throws IOException {
        Path db = folder.resolve(DB_RELATIVE);
        if (Files.exists(db)) {
            throw new FileAlreadyExistsException(db.toString());
        }
        Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
            }
            writeBrokenV15(c);
        } catch (SQLException e) {
            throw new IOException("could not build the demo database: " + e.getMessage(), e);
        }
        Path yaml = folder.resolve("invokeai.yaml");
        if (!Files.exists(yaml)) {
            Files.writeString(yaml, YAML, StandardCharsets.UTF_8);
        }
        return folder;
    }

    /**
     * Migrations 1..14, migration 15 in its early (origin-only) form, then the sample rows.
     * Public so the test fixtures build the same state without a second copy of the scripts.
     */
    public static void writeBrokenV15(Connection connection) throws SQLException {
        InvokeAiLegacyChain.createMigrationsTable(connection);
        InvokeAiLegacyChain.applyUpTo14(connection);
        InvokeAiLegacyChain.apply(connection, InvokeAiLegacyChain.RESOURCES + "migration_15_early.sql", 15);
        insertSampleRows(connection);
    }

    /** The sample gallery rows (valid at version 15 and every later version). */
    public static void insertSampleRows(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            SqlScript.run(connection, InvokeAiLegacyChain.RESOURCES + "sample-rows.sql");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
