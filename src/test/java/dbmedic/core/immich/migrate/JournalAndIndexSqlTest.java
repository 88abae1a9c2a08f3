package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file (atomic writes, read back, archive) and Immich's index statement with its lists. */
class JournalAndIndexSqlTest {
    @TempDir
    Path tmp;

    @Test
    void journalRoundTripsAndLeavesNoTemporaryFile() throws Exception {
        JournalStore store = new JournalStore(tmp.resolve("journals"));
        String key = "db.example:5432/immich";
        assertTrue(store.read(key).isEmpty());
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        store.write(new MigrationJournal(key, MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE,
                Map.of("smart_search", 768, "face_search", 512), List.of("phase-1"), Optional.of("phase-2"), "/b", t, t));
        MigrationJournal back = store.read(key).orElseThrow();
        assertEquals(768, back.dimensions().get("smart_search"));
        assertEquals(List.of("phase-1"), back.phasesDone());
        assertEquals(Optional.of("phase-2"), back.phaseRunning());
        assertEquals(t, back.started());
        try (var files = Files.list(tmp.resolve("journals"))) {
            assertEquals(List.of(store.file(key)), files.toList());
        }
        assertTrue(Files.readString(store.file(key)).contains("\"smart_search\" : 768"));
        // Another database on the same server has its own journal.
        assertNotEquals(store.file(key), store.file("db.example:5432/immich2"));
        store.archive(key);
        assertTrue(store.read(key).isEmpty());
        try (var files = Files.list(tmp.resolve("journals").resolve("done"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void targetListCountFollowsImmich() {
        assertEquals(1, VectorIndexSql.targetListCount(0));
        assertEquals(1, VectorIndexSql.targetListCount(127_999));
        assertEquals(256, VectorIndexSql.targetListCount(157_010)); // immich#18463: targetLists=256 for 157010 rows
        assertEquals(256, VectorIndexSql.targetListCount(200_000));
        assertEquals(2048, VectorIndexSql.targetListCount(2_047_999));
        assertEquals(4096, VectorIndexSql.targetListCount(4_000_000)); // sqrt = 2000 → 11 bits → 2^12
    }

    @Test
    void indexStatementIsImmichsVectorIndexQuery() {
        String sql = VectorIndexSql.create(MigrationPacks.load().vchordIndexTemplate(), "clip_index", "smart_search", 157_010);
        assertEquals("CREATE INDEX IF NOT EXISTS clip_index ON smart_search USING vchordrq (embedding vector_cosine_ops)"
                + " WITH (options = $$\nresidual_quantization = false\n[build.internal]\nlists = [256]\n"
                + "spherical_centroids = true\nbuild_threads = 4\nsampling_factor = 1024\n$$)", sql);
        assertFalse(sql.contains("{"));
    }
}
