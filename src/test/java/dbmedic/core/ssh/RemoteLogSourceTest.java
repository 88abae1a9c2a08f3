package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.logs.LogSourceException;
import dbmedic.core.logs.LogSourceSpec;
import dbmedic.core.logs.Tail;
import dbmedic.sshtest.SshTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Log sources run on the server: a stand-in docker for docker logs, the real tail for a file with a hostile name. */
@Timeout(120)
class RemoteLogSourceTest {
    private static final String REINDEX = "[Nest] 7  - 06/01/2025, 10:00:00 AM     LOG [Microservices:DatabaseRepository] Reindexing clip_index";

    @TempDir
    Path dir;

    private SshConnection open(SshTestServer server, List<String> shown) throws Exception {
        return server.openTrusted(dir, shown);
    }

    private Path dockerPrinting(String line) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n[ \"$1\" = logs ] || exit 2\n"
                + "case \"$*\" in *nosuch*) echo 'Error response from daemon: No such container: nosuch' >&2; exit 1;; esac\n"
                + "echo '" + line + "'\n[ \"$2\" = -f ] && exec sleep 600\nexit 0\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void dockerLogsOnTheServerOnceAndFollowedUntilClosed() throws Exception {
        List<String> shown = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (SshTestServer server = SshTestServer.builder().bin(dockerPrinting(REINDEX)).start();
             SshConnection c = open(server, shown)) {
            List<String> once = new ArrayList<>();
            try (RemoteLogSource s = new RemoteLogSource(c, LogSourceSpec.docker("immich_server"), Tail.defaults())) {
                s.follow(once::add, false);
            }
            assertEquals(List.of(REINDEX), once);
            assertEquals("docker logs --tail 200 immich_server", shown.get(0));

            List<String> followed = new CopyOnWriteArrayList<>();
            RemoteLogSource live = new RemoteLogSource(c, LogSourceSpec.docker("immich_server"), Tail.defaults());
            Future<?> running = pool.submit(() -> {
                live.follow(followed::add, true);
                return null;
            });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (followed.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(List.of(REINDEX), followed);
            live.close();
            running.get(60, TimeUnit.SECONDS);
            assertEquals("docker logs -f --tail 200 immich_server", shown.get(1));
            assertTrue(c.isConnected(), "closing the source keeps the session");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingContainerIsOneLine() throws Exception {
        try (SshTestServer server = SshTestServer.builder().bin(dockerPrinting(REINDEX)).start();
             SshConnection c = open(server, new ArrayList<>());
             RemoteLogSource s = new RemoteLogSource(c, LogSourceSpec.docker("nosuch"), Tail.defaults())) {
            LogSourceException e = assertThrows(LogSourceException.class, () -> s.follow(line -> { }, false));
            assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
        }
    }

    @Test
    void aFileWithAHostileNameIsTailedAsOneArgument() throws Exception {
        Path log = dir.resolve("it's a log; touch pwned $(id).log");
        Files.writeString(log, "first\nsecond\n");
        List<String> lines = new ArrayList<>();
        try (SshTestServer server = SshTestServer.builder().start(); SshConnection c = open(server, new ArrayList<>());
             RemoteLogSource s = new RemoteLogSource(c, LogSourceSpec.file(log.toString()), Tail.defaults())) {
            s.follow(lines::add, false);
        }
        assertEquals(List.of("first", "second"), lines);
        assertTrue(Files.notExists(Path.of("pwned")) && Files.notExists(dir.resolve("pwned")));
    }
}
