package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogSourceTest {
    @TempDir
    Path dir;

    private static List<String> read(Path file, Tail tail) throws LogSourceException {
        Lines lines = new Lines();
        try (FileLogSource source = new FileLogSource(file, tail)) {
            source.follow(lines, false);
        }
        return lines.all();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsAtTheLastLinesOrTheBeginning() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "one\ntwo\r\nthree\nfour\nfive\n");
        assertEquals(List.of("four", "five"), read(log, Tail.last(2)));
        assertEquals(List.of("one", "two", "three", "four", "five"), read(log, Tail.all()));
        assertEquals(List.of("one", "two", "three", "four", "five"), read(log, Tail.last(50)));
        assertEquals(List.of(), read(log, Tail.last(0)));
    }

    @Test
    void aLastLineWithoutNewlineIsDeliveredAtTheEndOfANonFollowRead() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "one\ntwo\nthree");
        assertEquals(List.of("two", "three"), read(log, Tail.last(2)));
    }

    @Test
    void tailCountsLinesAcrossReadBuffers() throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("line ").append(i).append(" ").append("x".repeat(i % 50)).append('\n');
        }
        Files.writeString(log, text);
        List<String> last = read(log, Tail.last(3000));
        assertEquals(3000, last.size());
        assertTrue(last.get(0).startsWith("line 17000 "), last.get(0));
        assertTrue(last.get(2999).startsWith("line 19999 "), last.get(2999));
    }

    @Test
    void utf8LinesAreDecodedWhole() throws Exception {
        Path log = dir.resolve("utf8.log");
        Files.writeString(log, "Überprüfung ✓ 写真\n", StandardCharsets.UTF_8);
        assertEquals(List.of("Überprüfung ✓ 写真"), read(log, Tail.all()));
    }

    @Test
    void followsLinesAppendedWhileTailed() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "old 1\nold 2\n");
        try (Follower f = new Follower(new FileLogSource(log, Tail.last(1)))) {
            f.awaitLine("old 2");
            append(log, "[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index\n");
            f.awaitLine("[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index");
            // A line written in two pieces arrives as one line.
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                out.write("Reindexed cl".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("ip_index\nnext ✓\n".getBytes(StandardCharsets.UTF_8));
            }
            f.awaitLine("next ✓");
            assertEquals(List.of("old 2",
                    "[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index",
                    "Reindexed clip_index", "next ✓"), f.lines.all());
        }
    }

    @Test
    void followsWithoutAWatchServiceToo() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "");
        try (Follower f = new Follower(new FileLogSource(log, Tail.last(10), false))) {
            append(log, "first\n");
            f.awaitLine("first");
            append(log, "second\n");
            f.awaitLine("second");
            assertEquals(List.of("first", "second"), f.lines.all());
        }
    }

    @Test
    void survivesRotationReadingTheOldFileToItsEndFirst() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "before\n");
        try (Follower f = new Follower(new FileLogSource(log, Tail.all()))) {
            f.awaitLine("before");
            append(log, "last of the old file\n");
            Files.move(log, dir.resolve("immich.log.1"), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(log, "first of the new file\n");
            f.awaitLine("first of the new file");
            append(log, "second of the new file\n");
            f.awaitLine("second of the new file");
            assertEquals(List.of("before", "last of the old file", "first of the new file", "second of the new file"),
                    f.lines.all());
        }
    }

    @Test
    void survivesTruncationInPlace() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "a long line that makes the file longer than what comes after truncation\n");
        try (Follower f = new Follower(new FileLogSource(log, Tail.all()))) {
            f.awaitLine("a long line that makes the file longer than what comes after truncation");
            // copytruncate: same file, emptied, then written again (shorter than before).
            Files.writeString(log, "after\n", StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            f.awaitLine("after");
            assertEquals(2, f.lines.size());
        }
    }

    @Test
    void closeEndsFollowAndAClosedSourceReadsNothing() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "x\n");
        FileLogSource source = new FileLogSource(log, Tail.all());
        Follower f = new Follower(source);
        f.awaitLine("x");
        assertTrue(f.running(), "follow keeps waiting for lines");
        f.close();
        Lines after = new Lines();
        source.follow(after, true);
        assertEquals(List.of(), after.all());
    }

    @Test
    void interruptingTheReadingThreadEndsFollowWithoutAnError() throws Exception {
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "x\n");
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Lines lines = new Lines();
        Thread t = new Thread(() -> {
            try {
                new FileLogSource(log, Tail.all()).follow(lines, true);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        Await.until(() -> lines.contains("x"), () -> "the first line");
        t.interrupt();
        Await.until(() -> !t.isAlive(), () -> "follow() to return after an interrupt");
        assertEquals(null, failure.get());
    }

    @Test
    void aMissingFileIsOneClearLine() {
        LogSourceException e = assertThrows(LogSourceException.class,
                () -> new FileLogSource(dir.resolve("nope.log"), Tail.all()).follow(new Lines(), false));
        assertTrue(e.getMessage().startsWith("file not found: "), e.getMessage());
        LogSourceException d = assertThrows(LogSourceException.class,
                () -> new FileLogSource(dir, Tail.all()).follow(new Lines(), true));
        assertTrue(d.getMessage().startsWith("not a file: "), d.getMessage());
    }
}
