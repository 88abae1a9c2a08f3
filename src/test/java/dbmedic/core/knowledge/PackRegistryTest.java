package dbmedic.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.knowledge.PackJson.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped packs load, are consistent, and their DDL agrees with their column lists. */
class PackRegistryTest {
    private final PackRegistry registry = PackRegistry.load();

    @Test
    void loadsBothAppPacksById() {
        assertEquals(List.of("invokeai", "gpustack"), registry.ids());
        assertEquals("InvokeAI", registry.byId("invokeai").orElseThrow().name());
        assertEquals("GPUStack", registry.byId(" GPUStack ").orElseThrow().name());
        assertTrue(registry.byId("immich").isEmpty());
        assertTrue(registry.byId(null).isEmpty());
    }

    @Test
    void migrationIdsAreUniqueAndNumberedMigrationsCountUp() {
        for (JsonAppPack pack : packs()) {
            Set<String> ids = new HashSet<>();
            int expectedLegacy = 1;
            for (Migration m : pack.migrations()) {
                assertTrue(ids.add(m.id()), pack.id() + " repeats " + m.id());
                assertNotNull(m.release(), m.id() + " has no release");
                if (m.legacy() != null) {
                    assertEquals(expectedLegacy++, m.legacy(), m.id());
                    assertEquals("migration_" + m.legacy(), m.id());
                }
            }
        }
        JsonAppPack invoke = pack("invokeai");
        assertEquals(34, invoke.migrations().stream().filter(m -> m.legacy() != null).count() + 1);
        assertEquals("2026_08_08_demote_system_user", invoke.migrations().get(invoke.migrations().size() - 1).id());
        List<String> gpustack = pack("gpustack").migrations().stream().map(Migration::id).toList();
        assertEquals("1dd9fa5b38ff", gpustack.get(0));
        assertEquals(gpustack.indexOf("c45e397531d1") + 2, gpustack.indexOf("d19176de3b74"));
        assertEquals(gpustack.indexOf("d19176de3b74") + 1, gpustack.indexOf("924c9a0b4c13"));
    }

    @Test
    void everyColumnHasADefinitionStartingWithItsName() {
        for (JsonAppPack pack : packs()) {
            for (ExpectedTable t : pack.newestSchema().tables().values()) {
                for (ExpectedColumn c : t.columns()) {
                    assertNotNull(c.definition(), pack.id() + ": " + t.name() + "." + c.name() + " has no definition");
                    assertTrue(c.definition().startsWith(c.name() + " "), t.name() + "." + c.name() + ": " + c.definition());
                    assertEquals(c.definition().contains("GENERATED ALWAYS"), c.generated(), t.name() + "." + c.name());
                }
            }
        }
    }

    /**
     * At every version each pack describes, the statements that create each table run in a
     * fresh SQLite database and give exactly the declared columns, in order, with the declared
     * generated flags: the DDL and the column lists cannot drift apart.
     */
    @Test
    void createStatementsYieldExactlyTheDeclaredColumnsAtEveryVersion() throws SQLException {
        int tablesChecked = 0;
        for (JsonAppPack pack : packs()) {
            List<Migration> all = pack.migrations();
            for (int n = 1; n <= all.size(); n++) {
                List<Migration> applied = all.subList(0, n);
                if (!applied.get(n - 1).tracked()) {
                    break;
                }
                ExpectedSchema schema = SchemaFold.fold(pack.id(), applied.get(n - 1).id(), applied);
                try (Connection c = TestDatabases.memory()) {
                    for (ExpectedTable t : schema.tables().values()) {
                        for (String sql : t.createStatements()) {
                            TestDatabases.run(c, sql);
                        }
                    }
                    for (ExpectedTable t : schema.tables().values()) {
                        if (t.createStatements().isEmpty()) {
                            continue;
                        }
                        List<String> names = new ArrayList<>();
                        List<Boolean> generated = new ArrayList<>();
                        try (Statement st = c.createStatement();
                             ResultSet rs = st.executeQuery("SELECT name, hidden FROM pragma_table_xinfo('" + t.name() + "')")) {
                            while (rs.next()) {
                                names.add(rs.getString(1));
                                generated.add(rs.getInt(2) == 2 || rs.getInt(2) == 3);
                            }
                        }
                        String where = pack.id() + " at " + schema.version() + ", table " + t.name();
                        assertEquals(t.columns().stream().map(ExpectedColumn::name).toList(), names, where);
                        assertEquals(t.columns().stream().map(ExpectedColumn::generated).toList(), generated, where);
                        tablesChecked++;
                    }
                }
            }
        }
        assertTrue(tablesChecked > 400, "checked " + tablesChecked);
    }

    @Test
    void theNewestSchemasHaveDdlForEveryTable() {
        for (JsonAppPack pack : packs()) {
            for (ExpectedTable t : pack.newestSchema().tables().values()) {
                assertFalse(t.createStatements().isEmpty(), pack.id() + ": no DDL for " + t.name());
                assertTrue(t.createStatements().get(0).toUpperCase().startsWith("CREATE TABLE")
                        || t.createStatements().get(0).startsWith("--"), t.name());
            }
        }
    }

    @Test
    void everyErrorRuleCompilesAndNamesAFinding() {
        assertTrue(registry.errorRules().size() > 25);
        for (ErrorRule rule : registry.errorRules()) {
            assertNotNull(rule.pattern().findingId(), rule.ruleId());
            assertNotNull(rule.pattern().summary(), rule.ruleId());
            assertNotNull(rule.pattern().fixSummary(), rule.ruleId());
        }
        assertEquals(registry.byId("invokeai").orElseThrow().errors().size(),
                registry.errorRules().stream().filter(r -> "invokeai".equals(r.packId())).count());
    }

    private List<JsonAppPack> packs() {
        return registry.packs().stream().map(p -> (JsonAppPack) p).toList();
    }

    private JsonAppPack pack(String id) {
        return (JsonAppPack) registry.byId(id).orElseThrow();
    }
}
