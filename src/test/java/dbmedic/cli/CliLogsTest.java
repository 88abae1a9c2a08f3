package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.core.report.JsonDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliLogsTest {
    /** immich#18462, #18463 and #18439 lines as Docker Compose prints them. */
    private static final String LOG = String.join("\n",
            "immich_server  | [Nest] 17  - 05/22/2025, 10:33:50 AM     LOG [Microservices:DatabaseRepository] targetLists=256, current=1 for face_index of 157010 rows",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing face_index (This may take a while, do not restart)",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:37:39 AM     LOG [Api:DatabaseRepository] Reindexed clip_index",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:37:41 AM     LOG [Api:DatabaseRepository] Reindexed face_index",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:37:41 AM     LOG [Api:DatabaseRepository] Dropping VectorChord extension",
            "immich_server  | PostgresError: must be owner of extension vchord",
            "immich_server  |     at Socket.emit (node:events:519:28)",
            "immich_server  | [Nest] 257  - 05/22/2025, 10:37:45 AM     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v1.133.0] [production]",
            "");

    @TempDir
    Path dir;

    @Test
    void jsonPrintsOneValidObjectPerLineAndEvent() throws Exception {
        Path log = Files.writeString(dir.resolve("immich.log"), LOG);
        CliRunner.Result r = CliRunner.run("logs", "file:" + log, "--json", "--tail", "all");
        assertEquals(ExitCode.OK, r.code(), r.err());
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            events.add(JsonDocuments.mapper().readTree(line));
        }
        assertEquals(9, events.size(), r.out());
        assertEquals(List.of("target_lists", "reindex_started", "reindex_started", "reindexed", "reindexed",
                "extension_dropping", "error", "other", "server_listening"),
                events.stream().map(e -> e.get("type").asText()).toList());
        JsonNode lists = events.get(0);
        assertEquals("face_index", lists.get("index").asText());
        assertEquals(256, lists.get("targetLists").asInt());
        assertEquals(157010, lists.get("rows").asLong());
        JsonNode done = events.get(3);
        assertEquals("clip_index", done.get("index").asText());
        assertEquals("done", done.get("progress").get("state").asText());
        assertEquals(222_000, done.get("progress").get("elapsedMs").asLong(), "10:33:57 → 10:37:39 from the log's timestamps");
        JsonNode error = events.get(6);
        assertEquals("immich.extension-not-owner", error.get("findings").get(0).get("id").asText());
        assertFalse(error.has("level"), "the driver's line has no Nest level");
        assertEquals("PostgresError: must be owner of extension vchord", error.get("line").asText());
    }

    @Test
    void humanOutputShowsProgressAndTheFinding() throws Exception {
        Path log = Files.writeString(dir.resolve("immich.log"), LOG);
        CliRunner.Result r = CliRunner.run("logs", log.toString(), "--tail", "all");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("05/22/2025, 10:33:57 AM LOG   [DatabaseRepository] Reindexing clip_index"), r.out());
        assertTrue(r.out().contains(">> face_index done in 3 min 44 s (157010 rows, lists 1 -> 256); clip_index done in 3 min 42 s"), r.out());
        assertTrue(r.out().contains(">> ERROR immich.extension-not-owner: "), r.out());
        assertTrue(r.out().contains("Server listening: yes"), r.out());
    }

    @Test
    void aPasswordInALogLineIsNotPrinted() throws Exception {
        Path log = Files.writeString(dir.resolve("immich.log"),
                "Error: connect ECONNREFUSED postgresql://immich:s3cretPa55@database:5432/immich\n");
        CliRunner.Result json = CliRunner.run("logs", log.toString(), "--json");
        CliRunner.Result human = CliRunner.run("logs", log.toString());
        assertEquals(ExitCode.OK, json.code(), json.err());
        assertFalse(json.out().contains("s3cretPa55"), json.out());
        assertFalse(human.out().contains("s3cretPa55"), human.out());
        assertTrue(json.out().contains("postgresql://immich:***@database"), json.out());
    }

    @Test
    void tailStartsAtTheLastLines() throws Exception {
        Path log = Files.writeString(dir.resolve("immich.log"), LOG);
        CliRunner.Result r = CliRunner.run("logs", log.toString(), "--json", "--tail", "1");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals(1, r.out().strip().split("\n").length);
        assertTrue(r.out().contains("\"type\":\"server_listening\""), r.out());
    }

    @Test
    void followPrintsLinesAsTheyAreWrittenAndCtrlCEndsItCleanly() throws Exception {
        Path log = Files.writeString(dir.resolve("immich.log"), "");
        AtomicReference<Runnable> ctrlC = new AtomicReference<>();
        AtomicBoolean unregistered = new AtomicBoolean();
        LogsCommand.interrupts = onInterrupt -> {
            ctrlC.set(onInterrupt);
            return () -> unregistered.set(true);
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = new Thread(() -> code.set(Cli.commandLine(dbmedic.core.Medic::new, new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("logs", log.toString(), "--follow")));
        try {
            cli.start();
            await(() -> ctrlC.get() != null, "the command to register for Ctrl-C");
            Files.writeString(log, "[Nest] 257  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index\n",
                    StandardOpenOption.APPEND);
            await(() -> out.toString().contains(">> clip_index reindexing for"), "the progress line, got: " + out);
            ctrlC.get().run();
            await(() -> !cli.isAlive(), "the command to end after Ctrl-C");
            assertEquals(ExitCode.OK, code.get(), err.toString());
            assertTrue(out.toString().contains("Reindexing: clip_index reindexing for"), out.toString());
            assertTrue(unregistered.get());
        } finally {
            LogsCommand.interrupts = LogsCommand.SHUTDOWN_HOOK;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void anUnusableSourceIsExit2WithOneLine() {
        CliRunner.Result missing = CliRunner.run("logs", dir.resolve("none.log").toString());
        assertEquals(ExitCode.UNUSABLE, missing.code());
        assertEquals("dbmedic: file not found: " + dir.resolve("none.log"), missing.err().strip());

        CliRunner.Result badName = CliRunner.run("logs", "docker:-rm");
        assertEquals(ExitCode.UNUSABLE, badName.code());
        assertTrue(badName.err().startsWith("dbmedic: docker: not a container name"), badName.err());

        CliRunner.Result badTail = CliRunner.run("logs", "x.log", "--tail", "lots");
        assertEquals(ExitCode.UNUSABLE, badTail.code());
        assertTrue(badTail.err().contains("--tail takes a number of lines or 'all'"), badTail.err());
    }
}
