package dbmedic.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.app.AppDetector;
import dbmedic.core.app.AppDetector.Detection;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteSchemaReader;
import dbmedic.core.sqlite.TableInfo;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-check with databases built independently from the apps' migrations (the fixtures):
 * detection reads the right version, and a healthy database has exactly what the pack
 * expects at it (every expected table and column and nothing else, no table that must be
 * absent), so the diagnosis of a healthy database is clean.
 */
class PackMatchesFixturesTest {
    private final PackRegistry registry = PackRegistry.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 19, 21, 22, 27, 31, 32})
    void healthyInvokeAiMatchesThePack(int version) throws SQLException {
        assertMatches(SqliteFixtures.invokeAiHealthyFile(dir, version), "invokeai", Integer.toString(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e6bf9e067296", "c45e397531d1", "cbbc03c88985", "d19176de3b74"})
    void healthyGpuStackMatchesThePack(String revision) throws SQLException {
        assertMatches(SqliteFixtures.gpuStackHealthy(dir, revision), "gpustack", revision);
    }

    private void assertMatches(Path db, String app, String version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            SchemaSnapshot schema = SqliteSchemaReader.read(c);
            Detection d = new AppDetector(registry).detect(schema, c, null, null);
            assertEquals(app, d.identity().id());
            assertEquals(version, d.identity().schemaVersion());
            assertTrue(d.identity().versionKnown());
            ExpectedSchema expected = d.pack().orElseThrow().expectedSchema(d.state()).orElseThrow();
            List<String> problems = new ArrayList<>();
            for (ExpectedTable t : expected.tables().values()) {
                TableInfo actual = schema.table(t.name()).orElse(null);
                if (actual == null) {
                    problems.add("missing table " + t.name());
                    continue;
                }
                for (ExpectedColumn col : t.columns()) {
                    if (!actual.hasColumn(col.name())) {
                        problems.add("missing column " + t.name() + "." + col.name());
                    } else if (actual.column(col.name()).orElseThrow().generated() != col.generated()) {
                        problems.add("generated differs " + t.name() + "." + col.name());
                    }
                }
            }
            for (TableInfo actual : schema.tables().values()) {
                ExpectedTable t = expected.table(actual.name()).orElse(null);
                if (t == null) {
                    problems.add("unexpected table " + actual.name());
                    continue;
                }
                actual.columns().stream().filter(col -> t.column(col.name()).isEmpty())
                        .forEach(col -> problems.add("unexpected column " + actual.name() + "." + col.name()));
            }
            for (AbsentTable a : expected.absent()) {
                if (schema.hasTable(a.name())) {
                    problems.add("table that must be absent: " + a.name());
                }
            }
            assertEquals(List.of(), problems, app + " at " + version);
            assertFalse(expected.tables().isEmpty());
        }
    }
}
