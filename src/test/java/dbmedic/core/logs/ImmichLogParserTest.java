package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.logs.LogEvent.Type;
import org.junit.jupiter.api.Test;

/** The parser on the real log lines of knowledge/immich.md §4.5 and the message texts of §3, §4.3 and §7. */
class ImmichLogParserTest {
    private static final ImmichLogParser SHARED = ImmichLogParser.withPacks();

    private static LogEvent parse(String line) {
        return SHARED.parse(line);
    }

    @Test
    void reindexStartedAndFinishedFromImmich18462() {
        LogEvent start = parse("[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index");
        assertEquals(Type.REINDEX_STARTED, start.type());
        assertEquals("clip_index", start.index());
        assertEquals("LOG", start.level());
        assertEquals("Api", start.worker());
        assertEquals("DatabaseRepository", start.context());
        assertEquals("05/22/2025, 10:33:57 AM", start.timestamp());
        assertEquals("Reindexing clip_index", start.message());

        LogEvent face = parse("[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing face_index");
        assertEquals(Type.REINDEX_STARTED, face.type());
        assertEquals("face_index", face.index());

        LogEvent done = parse("[Nest] 257  - 05/22/2025, 10:37:39 AM     LOG [Api:DatabaseRepository] Reindexed clip_index");
        assertEquals(Type.REINDEXED, done.type());
        assertEquals("clip_index", done.index());

        LogEvent dropping = parse("[Nest] 257  - 05/22/2025, 10:37:40 AM     LOG [Api:DatabaseRepository] Dropping VectorChord extension");
        assertEquals(Type.EXTENSION_DROPPING, dropping.type());
    }

    @Test
    void reindexStartedInTheV22FormWithItsWarningToWait() {
        LogEvent e = parse("[Nest] 7  - 10/30/2025, 9:01:02 PM     LOG [Microservices:DatabaseRepository] "
                + "Reindexing face_index (This may take a while, do not restart)");
        assertEquals(Type.REINDEX_STARTED, e.type());
        assertEquals("face_index", e.index());
        assertEquals("Microservices", e.worker());
    }

    @Test
    void targetListsFromImmich18463And18494() {
        LogEvent e = parse("[Nest] 17  - 05/22/2025, 11:02:03 AM     LOG [Microservices:DatabaseRepository] "
                + "targetLists=256, current=1 for face_index of 157010 rows");
        assertEquals(Type.TARGET_LISTS, e.type());
        assertEquals("face_index", e.index());
        assertEquals(256, e.targetLists());
        assertEquals(1, e.currentLists());
        assertEquals(157010L, e.rows());

        LogEvent empty = parse("[Nest] 17  - 05/22/2025, 11:02:03 AM     LOG [Microservices:DatabaseRepository] "
                + "targetLists=1, current=1 for clip_index of 0 rows");
        assertEquals(Type.TARGET_LISTS, empty.type());
        assertEquals("clip_index", empty.index());
        assertEquals(0L, empty.rows());
    }

    @Test
    void migrationLinesOfEachRelease() {
        assertEquals(Type.MIGRATIONS_RUNNING, parse("[Nest] 17  - 05/22/2025, 11:02:04 AM     LOG "
                + "[Microservices:DatabaseRepository] Running migrations, this may take a while").type());
        assertEquals(Type.MIGRATIONS_RUNNING, parse("[Nest] 17  - 05/22/2025, 11:02:04 AM   DEBUG "
                + "[Microservices:DatabaseRepository] Running migrations").type());
        assertEquals(Type.MIGRATIONS_FINISHED, parse("[Nest] 17  - 05/22/2025, 11:02:05 AM     LOG "
                + "[Microservices:DatabaseRepository] Finished running migrations").type());
    }

    @Test
    void serverListening() {
        LogEvent e = parse("[Nest] 7  - 10/30/2025, 9:01:09 PM     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v2.2.0] [production]");
        assertEquals(Type.SERVER_LISTENING, e.type());
        assertEquals("Bootstrap", e.context());
    }

    @Test
    void creatingThenFatalFromImmich18439MatchesTheFinding() {
        ImmichLogParser parser = ImmichLogParser.withPacks();
        LogEvent creating = parser.parse("[Nest] 7  - 06/01/2025, 8:00:00 AM     LOG [Microservices:DatabaseRepository] Creating VectorChord extension");
        assertEquals(Type.EXTENSION_CREATING, creating.type());

        LogEvent fatal = parser.parse("[Nest] 7  - 06/01/2025, 8:00:00 AM   FATAL [Microservices:DatabaseService] Failed to activate VectorChord extension.");
        assertEquals(Type.ERROR, fatal.type());
        assertEquals("FATAL", fatal.level());
        assertTrue(fatal.findingIds().contains("immich.extension-create-denied"), fatal.findingIds().toString());

        // The message's continuation lines carry no prefix: they keep the FATAL's level and context.
        LogEvent more = parser.parse("    Please ensure the Postgres instance has VectorChord installed.");
        assertEquals(Type.OTHER, more.type());
        assertEquals("FATAL", more.level());
        assertEquals("DatabaseService", more.context());

        // The driver's line is outside Nest's format and names the real cause (§7 #1).
        LogEvent driver = parser.parse("PostgresError: vchord must be loaded via shared_preload_libraries.");
        assertEquals(Type.ERROR, driver.type());
        assertNull(driver.level());
        assertEquals(java.util.List.of("postgres.preload-missing"), driver.findingIds());
    }

    @Test
    void dockerComposePrefixAndColourCodesAreRemoved() {
        String esc = "\u001B";
        LogEvent e = parse(esc + "[36mimmich_server  | " + esc + "[0m" + esc + "[32m[Nest] 257  - " + esc + "[39m"
                + "05/22/2025, 10:33:57 AM " + esc + "[32m    LOG" + esc + "[39m " + esc + "[33m[Api:DatabaseRepository]"
                + esc + "[39m " + esc + "[32mReindexed face_index" + esc + "[39m");
        assertEquals(Type.REINDEXED, e.type());
        assertEquals("face_index", e.index());
        assertTrue(e.raw().startsWith(esc + "[36mimmich_server"), "raw keeps the line as received");

        LogEvent plain = parse("immich_server  | [Nest] 17  - 05/22/2025, 11:02:03 AM     LOG [Microservices:DatabaseRepository] "
                + "targetLists=256, current=1 for face_index of 157010 rows");
        assertEquals(Type.TARGET_LISTS, plain.type());
        assertEquals(157010L, plain.rows());

        LogEvent v2 = parse("immich-server-1  | [Nest] 7  - 10/30/2025, 9:01:02 PM     LOG [Microservices:DatabaseRepository] "
                + "Reindexing clip_index (This may take a while, do not restart)");
        assertEquals(Type.REINDEX_STARTED, v2.type());
    }

    @Test
    void section3MessagesAreWarningsOrErrorsWithTheirFindings() {
        assertFinding(Type.ERROR, "immich.extension-out-of-range",
                "[Nest] 7  - 06/20/2025, 8:00:00 AM   ERROR [Microservices:DatabaseService] "
                        + "Error: The VectorChord extension version is 0.4.1, but Immich only supports >=0.3 <0.4.");
        assertFinding(Type.ERROR, "immich.extension-out-of-range",
                "Error: The VectorChord extension version is 0.4.1, but Immich only supports >=0.3 <0.4.");
        assertFinding(Type.WARNING, "immich.pgvectors-deprecated",
                "[Nest] 7  - 08/01/2025, 8:00:00 AM    WARN [Microservices:DatabaseService] "
                        + "DEPRECATION WARNING: The pgvecto.rs extension is deprecated and support for it will be removed very soon.");
        assertFinding(Type.WARNING, "immich.reindex-failed",
                "[Nest] 7  - 08/01/2025, 8:00:00 AM    WARN [Microservices:DatabaseService] Could not run vector reindexing checks. "
                        + "If the extension was updated, please restart the Postgres instance. If you are upgrading directly "
                        + "from a version below 1.107.2, please upgrade to 1.107.2 first.");
        assertFinding(Type.WARNING, "immich.extension-drop",
                "[Nest] 7  - 08/01/2025, 8:00:00 AM    WARN [Microservices:DatabaseService] "
                        + "The pgvecto.rs extension is no longer needed, but could not be dropped.");
        assertFinding(Type.ERROR, "immich.extension-downgrade",
                "Error: The database currently has VectorChord 0.4.2 activated, but the Postgres instance only has 0.4.1 available.");
        assertFinding(Type.ERROR, "immich.no-vector-extension",
                "Error: No vector extension found. Available extensions: vchord, vectors, vector");
        assertFinding(Type.ERROR, "immich.extension-not-owner", "PostgresError: must be owner of extension vchord");
        assertFinding(Type.ERROR, "immich.vector-columns-pgvectors",
                "PostgresError: could not access file \"$libdir/vectors\": No such file or directory");
        assertFinding(Type.ERROR, "immich.invalid-upgrade-path",
                "[Nest] 7  - 06/20/2025, 8:00:00 AM   ERROR [Microservices:DatabaseRepository] Migrations failed: Error: Invalid upgrade path");
        assertFinding(Type.WARNING, "app.migration-failed",
                "[Nest] 7  - 06/20/2025, 8:00:00 AM    WARN [Microservices:DatabaseRepository] Migration \"1744910873969-InitialMigration\" failed");
        assertFinding(Type.WARNING, "immich.schema-drift",
                "[Nest] 7  - 10/01/2025, 8:00:00 AM    WARN [Microservices:DatabaseRepository] Detected schema drift. "
                        + "For more information, see https://docs.immich.app/errors#schema-drift or run `immich-admin schema-check`");
    }

    @Test
    void ordinaryLinesAreOtherWithoutFindings() {
        LogEvent e = parse("[Nest] 7  - 08/01/2025, 8:00:00 AM     LOG [Microservices:VersionService] Adding v2.2.0 to upgrade history");
        assertEquals(Type.OTHER, e.type());
        assertTrue(e.findings().isEmpty());
        LogEvent stack = parse("    at Object.<anonymous> (/usr/src/app/server/dist/main.js:10:5)");
        assertEquals(Type.OTHER, stack.type());
        LogEvent blank = parse("");
        assertEquals(Type.OTHER, blank.type());
    }

    private static void assertFinding(Type type, String findingId, String line) {
        LogEvent e = new ImmichLogParser(SHARED_EXPLAIN).parse(line);
        assertEquals(type, e.type(), line);
        assertTrue(e.findingIds().contains(findingId), line + " → " + e.findingIds());
    }

    private static final java.util.function.Function<String, java.util.List<dbmedic.core.finding.Finding>> SHARED_EXPLAIN =
            new dbmedic.core.explain.ErrorExplainer(dbmedic.core.knowledge.PackRegistry.load())::explain;
}
