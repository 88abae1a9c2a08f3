package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker logs}/{@code kubectl logs}/{@code journalctl} through stand-ins ({@link StandInTool}) first on the child's PATH. */
class ProcessLogSourceTest {
    @TempDir
    Path dir;
    private Path bin;
    private Path feed;
    private Path argsFile;
    private Path pidFile;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        feed = dir.resolve("feed.log");
        argsFile = dir.resolve("args.txt");
        pidFile = dir.resolve("pid.txt");
        Files.writeString(feed, "");
        StandInTool.install(bin);
    }

    private Map<String, String> env() {
        return Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"), "ARGS_FILE", argsFile.toString(),
                "PID_FILE", pidFile.toString(), "FEED", feed.toString());
    }

    private String args() throws IOException {
        return Files.readString(argsFile).strip();
    }

    @Test
    void dockerLogsBothStreamsUntilTheEnd() throws Exception {
        Lines lines = new Lines();
        try (LogSource source = LogSources.open(LogSourceSpec.docker("immich_server"), Tail.last(200), env())) {
            source.follow(lines, false);
        }
        assertEquals("logs --tail 200 immich_server", args());
        assertEquals(Set.of("[Nest] 7  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index",
                "PostgresError: must be owner of extension vchord"), Set.copyOf(lines.all()));
    }

    @Test
    void followDeliversNewLinesAndCloseStopsTheChild() throws Exception {
        LogSource source = LogSources.open(LogSourceSpec.docker("immich_server"), Tail.defaults(), env());
        assertEquals("docker logs -f --tail 200 immich_server", source.describe());
        Follower f = new Follower(source);
        f.awaitLine("PostgresError: must be owner of extension vchord");
        Files.writeString(feed, "Reindexed clip_index\n", StandardOpenOption.APPEND);
        f.awaitLine("Reindexed clip_index");
        assertEquals("logs -f --tail 200 immich_server", args());
        Await.until(() -> Files.exists(pidFile) && !read(pidFile).isEmpty(), () -> "the stand-in's pid");
        long pid = Long.parseLong(read(pidFile));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child runs while following");
        f.close();
        Await.until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), () -> "the child to end");
        assertEquals(null, f.failure.get(), "close() ends follow normally");
    }

    @Test
    void noSuchContainerIsOneClearLineAndNotALogLine() {
        Lines lines = new Lines();
        LogSourceException e = assertThrows(LogSourceException.class, () -> {
            try (LogSource source = LogSources.open(LogSourceSpec.docker("immich_serve"), Tail.last(10), env())) {
                source.follow(lines, true);
            }
        });
        assertTrue(e.getMessage().startsWith("docker: no such container immich_serve"), e.getMessage());
        assertEquals(List.of(), lines.all());
    }

    @Test
    void aMissingToolIsCommandNotFound() {
        Map<String, String> noTools = Map.of("PATH", dir.resolve("empty").toString());
        LogSourceException e = assertThrows(LogSourceException.class, () -> {
            try (LogSource source = LogSources.open(LogSourceSpec.docker("immich_server"), Tail.last(10), noTools)) {
                source.follow(new Lines(), false);
            }
        });
        assertEquals("docker: command not found (install it or add it to PATH)", e.getMessage());
    }

    @Test
    void kubectlPodNotFound() throws Exception {
        LogSourceException e = assertThrows(LogSourceException.class, () -> {
            try (LogSource source = LogSources.open(LogSourceSpec.parse("kubectl:immich/immich-server-0"), Tail.last(5), env())) {
                source.follow(new Lines(), false);
            }
        });
        assertEquals("kubectl: pod immich-server-0 not found in namespace immich", e.getMessage());
        assertEquals("logs --tail=5 immich-server-0 -n immich", args());
    }

    @Test
    void journalctlPrintsTheUnitsOwnTextWithoutItsNotices() throws Exception {
        Lines lines = new Lines();
        try (LogSource source = LogSources.open(LogSourceSpec.parse("journal:immich-server.service"), Tail.all(), env())) {
            source.follow(lines, false);
        }
        assertEquals("-u immich-server.service -o cat --no-tail --no-pager", args());
        assertEquals(List.of("[Nest] 9  - 05/22/2025, 10:37:39 AM     LOG [Api:DatabaseRepository] Reindexed face_index"),
                lines.all());
        assertFalse(lines.contains("-- No entries --"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
