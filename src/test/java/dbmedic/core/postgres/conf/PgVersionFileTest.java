package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PgVersionFileTest {

    @Test
    void majorFromTheFile() throws IOException {
        for (int v : new int[] {14, 15, 16, 17}) {
            MemoryServerFiles f = new MemoryServerFiles().file("/data/PG_VERSION", v + "\n");
            assertEquals(v, PgVersionFile.read(f, "/data").orElseThrow().major());
        }
        assertEquals(9, PgVersionFile.parse("9.6\n").orElseThrow().major());
        assertEquals("9.6", PgVersionFile.parse("9.6\n").orElseThrow().text());
    }

    @Test
    void missingOrGarbage() throws IOException {
        assertTrue(PgVersionFile.read(new MemoryServerFiles(), "/data").isEmpty());
        assertTrue(PgVersionFile.parse("").isEmpty());
        assertTrue(PgVersionFile.parse("fifteen\n").isEmpty());
        assertTrue(PgVersionFile.parse("15 16\n").isEmpty());
    }
}
