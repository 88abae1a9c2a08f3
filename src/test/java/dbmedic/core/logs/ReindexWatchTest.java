package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.logs.ReindexWatch.IndexProgress;
import dbmedic.core.logs.ReindexWatch.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReindexWatchTest {
    /** A clock the test moves by hand. */
    static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ImmichLogParser parser = new ImmichLogParser(text -> List.of());

    private static String nest(String time, String level, String message) {
        return "[Nest] 17  - 05/22/2025, " + time + " " + " ".repeat(7 - level.length()) + level
                + " [Microservices:DatabaseRepository] " + message;
    }

    @Test
    void followsBothIndexesThroughARestartWithTheClockPassedIn() {
        FakeClock clock = new FakeClock();
        ReindexWatch watch = new ReindexWatch(clock, List.of("clip_index", "face_index"));
        assertEquals(State.WAITING, watch.index("clip_index").orElseThrow().state());
        assertFalse(watch.allDone());

        // Lines without readable timestamps: elapsed comes from the clock alone.
        watch.accept(parser.parse(nest("bad time", "LOG", "targetLists=256, current=1 for face_index of 157010 rows")));
        IndexProgress face = watch.index("face_index").orElseThrow();
        assertEquals(256, face.targetLists());
        assertEquals(1, face.currentLists());
        assertEquals(157010L, face.rows());
        assertEquals(State.WAITING, face.state());

        watch.accept(parser.parse("[Nest] 17  - garbled     LOG [Microservices:DatabaseRepository] Reindexing face_index"));
        watch.accept(parser.parse("[Nest] 17  - garbled     LOG [Microservices:DatabaseRepository] "
                + "Reindexing clip_index (This may take a while, do not restart)"));
        clock.advance(Duration.ofSeconds(90));
        assertEquals(State.REINDEXING, watch.index("face_index").orElseThrow().state());
        assertEquals(Duration.ofSeconds(90), watch.index("face_index").orElseThrow().elapsed());

        watch.accept(parser.parse("[Nest] 17  - garbled     LOG [Microservices:DatabaseRepository] Reindexed clip_index"));
        clock.advance(Duration.ofSeconds(30));
        IndexProgress clip = watch.index("clip_index").orElseThrow();
        assertEquals(State.DONE, clip.state());
        assertEquals(Duration.ofSeconds(90), clip.elapsed(), "a finished index's time stops");
        assertEquals(Duration.ofSeconds(120), watch.index("face_index").orElseThrow().elapsed());
        assertFalse(watch.allDone());

        watch.accept(parser.parse("[Nest] 17  - garbled     LOG [Microservices:DatabaseRepository] Reindexed face_index"));
        assertTrue(watch.allDone());
        assertFalse(watch.serverListening());
        watch.accept(parser.parse("[Nest] 17  - garbled     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v2.2.0] [production]"));
        assertTrue(watch.serverListening());
        assertEquals(List.of("clip_index", "face_index"), watch.indexes().stream().map(IndexProgress::index).toList());
    }

    @Test
    void aFinishedReindexReadFromTheLogAfterTheFactUsesItsTimestamps() {
        FakeClock clock = new FakeClock();
        ReindexWatch watch = new ReindexWatch(clock);
        // immich#18462: Reindexing at 10:33:57, Reindexed 3.7 minutes later; read all at once.
        watch.accept(parser.parse(nest("10:33:57 AM", "LOG", "Reindexing clip_index")));
        assertFalse(watch.allDone(), "running");
        watch.accept(parser.parse(nest("10:35:57 AM", "LOG", "Something else")));
        assertEquals(Duration.ofSeconds(120), watch.index("clip_index").orElseThrow().elapsed(),
                "begun before we read: the log's own times say how long it runs");
        watch.accept(parser.parse(nest("10:37:39 AM", "LOG", "Reindexed clip_index")));
        assertEquals(Duration.ofSeconds(222), watch.index("clip_index").orElseThrow().elapsed());
        assertTrue(watch.allDone(), "without expected indexes: something finished and nothing runs");
    }

    @Test
    void errorsAndWarningsWithFindingsAreKept() {
        ReindexWatch watch = new ReindexWatch(new FakeClock());
        ImmichLogParser withPacks = ImmichLogParser.withPacks();
        watch.accept(withPacks.parse(nest("10:37:40 AM", "WARN", "Adding v2 to upgrade history, nothing wrong")));
        watch.accept(withPacks.parse("PostgresError: must be owner of extension vchord"));
        watch.accept(withPacks.parse(nest("10:37:41 AM", "WARN",
                "Could not run vector reindexing checks. If the extension was updated, please restart the Postgres instance.")));
        assertEquals(2, watch.errors().size());
        assertEquals(List.of("immich.extension-not-owner"), watch.errors().get(0).findingIds());
        assertTrue(watch.errors().get(1).findingIds().contains("immich.reindex-failed"));
        assertFalse(watch.allDone());
        assertTrue(watch.indexes().isEmpty());
        assertNull(watch.index("clip_index").orElse(null));
    }

    @Test
    void nestTimestampsInTheFormsNodePrints() {
        assertEquals("2025-05-22T10:33:57", ReindexWatch.logTime("05/22/2025, 10:33:57 AM").toString());
        assertEquals("2025-05-22T22:33:57", ReindexWatch.logTime("5/22/2025, 10:33:57\u202FPM").toString());
        assertNull(ReindexWatch.logTime("22.05.2025 10:33"));
    }
}
