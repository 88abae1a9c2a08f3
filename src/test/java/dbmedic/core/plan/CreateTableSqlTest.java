package dbmedic.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTableSqlTest {

    @Test
    void repointsOnlyTheIdentifierAfterReferences() {
        String sql = "CREATE TABLE t (\n"
                + "  a TEXT DEFAULT 'REFERENCES models_old', -- REFERENCES models_old in a comment\n"
                + "  b TEXT REFERENCES \"Models_Old\"(id),\n"
                + "  c TEXT REFERENCES models_old_2(id),\n"
                + "  models_old TEXT,\n"
                + "  FOREIGN KEY (a) references [models_old] (id) ON DELETE CASCADE,\n"
                + "  FOREIGN KEY (c) REFERENCES `models_old`(id)\n"
                + ")";
        CreateTableSql t = CreateTableSql.parse(sql);
        assertEquals(3, t.referencesTo("models_old"));
        String out = t.withReferencesRenamed("models_old", "models").sql();
        assertEquals("CREATE TABLE t (\n"
                + "  a TEXT DEFAULT 'REFERENCES models_old', -- REFERENCES models_old in a comment\n"
                + "  b TEXT REFERENCES \"models\"(id),\n"
                + "  c TEXT REFERENCES models_old_2(id),\n"
                + "  models_old TEXT,\n"
                + "  FOREIGN KEY (a) references \"models\" (id) ON DELETE CASCADE,\n"
                + "  FOREIGN KEY (c) REFERENCES \"models\"(id)\n"
                + ")", out);
    }

    @Test
    void splitsColumnsFromConstraintsAndAddsColumnsBeforeConstraints() {
        String sql = "CREATE TABLE IF NOT EXISTS \"we\"\"ird\" (id INTEGER, x TEXT CHECK (x <> ','), "
                + "PRIMARY KEY (id), UNIQUE (x)) WITHOUT ROWID";
        CreateTableSql t = CreateTableSql.parse(sql);
        assertEquals(List.of("id INTEGER", "x TEXT CHECK (x <> ',')"), t.columnDefinitions());
        assertEquals(List.of("PRIMARY KEY (id)", "UNIQUE (x)"), t.tableConstraints());
        assertEquals("CREATE TABLE IF NOT EXISTS \"we\"\"ird\" (id INTEGER, x TEXT CHECK (x <> ','), "
                        + "y TEXT NOT NULL DEFAULT '', PRIMARY KEY (id), UNIQUE (x)) WITHOUT ROWID",
                t.withColumns(List.of("y TEXT NOT NULL DEFAULT ''")).sql());
        assertEquals("CREATE TABLE IF NOT EXISTS \"new_x\" (id INTEGER, x TEXT CHECK (x <> ','), "
                + "PRIMARY KEY (id), UNIQUE (x)) WITHOUT ROWID", t.withName("new_x"));
    }

    @Test
    void addsAfterTheLastColumnEvenWhenACommentFollowsIt() {
        String sql = "CREATE TABLE t (\n  a TEXT -- last column\n)";
        assertEquals("CREATE TABLE t (\n  a TEXT, b TEXT -- last column\n)",
                CreateTableSql.parse(sql).withColumns(List.of("b TEXT")).sql());
    }

    @Test
    void refusesWhatIsNotAColumnList() {
        assertThrows(IllegalArgumentException.class, () -> CreateTableSql.parse("CREATE TABLE t AS SELECT 1"));
        assertThrows(IllegalArgumentException.class, () -> CreateTableSql.parse("CREATE TEMP TABLE t (a)"));
    }
}
