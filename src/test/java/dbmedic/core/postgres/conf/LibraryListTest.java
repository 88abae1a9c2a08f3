package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** shared_preload_libraries splitting (postgres.md 3.3, 3.6). */
class LibraryListTest {

    private static List<String> names(String raw) {
        LibraryList l = LibraryList.parse(raw);
        assertTrue(l.valid(), raw);
        return l.names();
    }

    @Test
    void alterSystemWrittenForms() {
        assertEquals(List.of("vectors.so"), names("\"vectors.so\""));
        assertEquals(List.of("vchord.so", "vectors.so"), names("\"vchord.so\", \"vectors.so\""));
        // One library whose name contains a comma: the server cannot start.
        assertEquals(List.of("vchord.so, vectors.so"), names("\"vchord.so, vectors.so\""));
        assertEquals("could not access file \"vchord.so, vectors.so\": No such file or directory",
                LibraryList.missingLibraryMessage(names("\"vchord.so, vectors.so\"").get(0)));
    }

    @Test
    void plainLists() {
        assertEquals(List.of("vchord.so", "vectors.so"), names("vchord.so, vectors.so"));
        assertEquals(List.of("pg_stat_statements", "auto_explain"), names("pg_stat_statements,auto_explain"));
        assertEquals(List.of("a", "b"), names("  a  ,\tb  "));
        assertEquals(List.of("my lib"), names("my lib"));
        assertEquals(List.of(), names(""));
        assertEquals(List.of(), names("   "));
        assertEquals(List.of("$libdir/vectors"), names("$libdir/vectors"));
        assertEquals(List.of("/usr/lib/x.so"), names("/usr/lib//x.so/"));
    }

    @Test
    void quotedNamesKeepSpacesAndDoubledQuotes() {
        assertEquals(List.of("a \"b\""), names("\"a \"\"b\"\"\""));
        assertEquals(List.of("x", " y "), names("x, \" y \""));
        assertEquals(List.of(""), names("\"\""));
    }

    @Test
    void invalidListsLoadNothing() {
        for (String bad : new String[] {"a,", "a,,b", ",a", "\"unterminated", "\"a\"b", "\"a\" \"b\""}) {
            LibraryList l = LibraryList.parse(bad);
            assertFalse(l.valid(), bad);
            assertEquals(List.of(), l.names());
        }
        assertEquals("invalid list syntax in parameter \"shared_preload_libraries\"",
                LibraryList.invalidListMessage("shared_preload_libraries"));
    }
}
