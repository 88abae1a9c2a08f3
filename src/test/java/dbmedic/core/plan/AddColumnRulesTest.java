package dbmedic.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.plan.AddColumnRules.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of sqlite.md §1.2 (and the other ADD COLUMN restrictions), each checked twice:
 * the classifier's verdict, and SQLite's own answer when the ALTER is run on a one-row
 * table. They must agree, which makes the classifier provably right on these forms.
 */
class AddColumnRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            b TEXT NOT NULL                                  | REBUILD                 | Cannot add a NOT NULL column with default value NULL
            b TEXT UNIQUE                                    | REBUILD                 | Cannot add a UNIQUE column
            b INTEGER PRIMARY KEY                            | REBUILD                 | Cannot add a PRIMARY KEY column
            b TEXT DEFAULT CURRENT_TIMESTAMP                 | REBUILD                 | Cannot add a column with non-constant default
            b TEXT DEFAULT current_date                      | REBUILD                 | Cannot add a column with non-constant default
            b TEXT DEFAULT CURRENT_TIME                      | REBUILD                 | Cannot add a column with non-constant default
            b TEXT DEFAULT (strftime('%s','now'))            | REBUILD                 | Cannot add a column with non-constant default
            b TEXT NOT NULL DEFAULT (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')) | REBUILD   | Cannot add a column with non-constant default
            b INTEGER GENERATED ALWAYS AS (a * 2) STORED     | REBUILD                 | cannot add a STORED column
            b INTEGER AS (a * 2) STORED                      | REBUILD                 | cannot add a STORED column
            b INTEGER GENERATED ALWAYS AS (NULL) VIRTUAL NOT NULL | ADD_COLUMN_ROWS_CHECKED | NOT NULL constraint failed
            b INTEGER CHECK (a > 0)                          | ADD_COLUMN_ROWS_CHECKED | CHECK constraint failed
            a TEXT                                           | ADD_COLUMN              | duplicate column name: a
            b TEXT NOT NULL DEFAULT ''                       | ADD_COLUMN              |
            b TEXT                                           | ADD_COLUMN              |
            b TEXT DEFAULT NULL                              | ADD_COLUMN              |
            b INTEGER NOT NULL DEFAULT -1                    | ADD_COLUMN              |
            b INTEGER NOT NULL DEFAULT (0)                   | ADD_COLUMN              |
            b TEXT NOT NULL DEFAULT 'not null'               | ADD_COLUMN              |
            b TEXT CHECK (b IS NULL OR b <> 'NOT NULL')      | ADD_COLUMN_ROWS_CHECKED |
            b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL    | ADD_COLUMN              |
            b INTEGER AS (a + 1) NOT NULL                    | ADD_COLUMN_ROWS_CHECKED |
            b TEXT NOT NULL DEFAULT NULL                     | REBUILD                 | Cannot add a NOT NULL column with default value NULL
            b INTEGER REFERENCES p(id) DEFAULT 1             | REBUILD                 | Cannot add a REFERENCES column with non-NULL default value
            b INTEGER REFERENCES p(id)                       | ADD_COLUMN              |
            \"odd \"\"name\"\"\" TEXT COLLATE NOCASE              | ADD_COLUMN              |
            """)
    void classifierAgreesWithSqlite(String definition, Kind expected, String sqliteError) throws SQLException {
        AddColumnRules.Verdict verdict = AddColumnRules.classify(definition, true);
        assertEquals(expected, verdict.kind(), "classifier for " + definition);

        String actual = runOnOneRow(definition);
        String wanted = sqliteError == null ? "" : sqliteError;
        if (wanted.isEmpty()) {
            assertEquals("", actual, "SQLite accepts " + definition);
        } else {
            assertTrue(actual.contains(wanted), "SQLite says '" + actual + "' for " + definition);
        }
        if (expected == Kind.REBUILD) {
            assertEquals(wanted, verdict.reason(), "the classifier quotes SQLite's reason");
        }
        if (expected == Kind.ADD_COLUMN && !wanted.isEmpty()) {
            // only the duplicate-name row: the planner skips existing columns before classifying
            assertTrue(wanted.startsWith("duplicate column name"));
        }
    }

    /** Runs the ALTER with foreign keys on against a one-row table; "" when SQLite accepts it. */
    private String runOnOneRow(String definition) throws SQLException {
        Path db = dir.resolve("t" + System.nanoTime() + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("CREATE TABLE p(id INTEGER PRIMARY KEY)");
            st.execute("INSERT INTO p VALUES (1)");
            st.execute("CREATE TABLE t(a INTEGER)");
            st.execute("INSERT INTO t VALUES (-5)");
            try {
                st.execute("ALTER TABLE t ADD COLUMN " + definition);
                return "";
            } catch (SQLException e) {
                return e.getMessage();
            }
        }
    }
}
