package dbmedic.core.knowledge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Real SQLite databases for the tests: a file under the test's temp folder, or in memory. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Connection file(Path dir, String name, String... statements) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
        run(c, statements);
        return c;
    }

    public static Connection memory(String... statements) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        run(c, statements);
        return c;
    }

    public static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
