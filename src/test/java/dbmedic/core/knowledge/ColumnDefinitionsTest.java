package dbmedic.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnDefinitionsTest {

    @Test
    void readsColumnsAndSkipsCommentsAndTableConstraints() {
        Map<String, String> defs = ColumnDefinitions.of("""
                CREATE TABLE IF NOT EXISTS t (
                    id TEXT NOT NULL PRIMARY KEY, -- the key, (with a comma, inside)
                    "quoted name" TEXT,
                    n INTEGER DEFAULT(STRFTIME('%Y, %m', 'NOW')),
                    g TEXT GENERATED ALWAYS as (json_extract(config, '$.a,b')) VIRTUAL NOT NULL,
                    unique_code TEXT, /* a block comment, too */
                    PRIMARY KEY (id),
                    CONSTRAINT c UNIQUE (n, g),
                    FOREIGN KEY (n) REFERENCES other (id) ON DELETE CASCADE,
                    UNIQUE(g),
                    CHECK (n > 0)
                )""");
        assertEquals(List.of("id", "quoted name", "n", "g", "unique_code"), List.copyOf(defs.keySet()));
        assertEquals("\"quoted name\" TEXT", defs.get("quoted name"));
        assertEquals("id TEXT NOT NULL PRIMARY KEY", defs.get("id"));
        assertEquals("n INTEGER DEFAULT(STRFTIME('%Y, %m', 'NOW'))", defs.get("n"));
        assertEquals("g TEXT GENERATED ALWAYS as (json_extract(config, '$.a,b')) VIRTUAL NOT NULL", defs.get("g"));
        assertEquals("unique_code TEXT", defs.get("unique_code"));
        assertEquals(5, defs.size());
    }

    @Test
    void refusesTextThatIsNotACreateTable() {
        assertThrows(IllegalArgumentException.class, () -> ColumnDefinitions.of("DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> ColumnDefinitions.of("CREATE TABLE x (a TEXT"));
    }
}
