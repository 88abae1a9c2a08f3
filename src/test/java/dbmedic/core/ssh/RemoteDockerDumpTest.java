package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.backup.DumpFailedException;
import dbmedic.core.postgres.backup.DumpFile;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker exec CONTAINER pg_dump -Fc} on the server, streamed back: the stand-in docker
 * runs the machine's real pg_dump (15) against an embedded PostgreSQL 14, as pg_dump inside
 * the container would; the local file is then listed by the real pg_restore.
 */
@Timeout(180)
class RemoteDockerDumpTest {
    private static PgServer pg;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = PgServer.start(14);
        pg.createDatabase("immich", PgServer.SUPERUSER);
        pg.execute("immich", "CREATE TABLE assets (id int PRIMARY KEY, name text)",
                "INSERT INTO assets SELECT g, 'photo ' || g FROM generate_series(1, 1000) g");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private Path standInDocker() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "[ \"$1\" = exec ] && [ \"$2\" = immich_postgres ] || { echo \"Error response from daemon: No such container: $2\" >&2; exit 1; }\n"
                + "shift 2; cmd=$1; shift\n"
                + "exec \"$cmd\" -h 127.0.0.1 -p " + pg.port() + " \"$@\"\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private SshConnection open(SshTestServer server, List<String> shown) throws Exception {
        return server.openTrusted(dir, shown);
    }

    @Test
    void dumpStreamsBackAndPgRestoreListsIt() throws Exception {
        List<String> shown = new ArrayList<>();
        Path out = dir.resolve("immich.dump");
        try (SshTestServer server = SshTestServer.builder().bin(standInDocker()).start(); SshConnection c = open(server, shown)) {
            DumpFile dump = new RemoteDockerDump(c, "immich_postgres", "postgres", "immich").dumpTo(out, null);
            assertEquals(Files.size(out), dump.bytes());
            assertTrue(dump.producedBy().contains("immich_postgres"), dump.producedBy());
        }
        assertEquals(List.of("docker exec immich_postgres pg_dump -Fc -U postgres -- immich"), shown);
        Process list = new ProcessBuilder("pg_restore", "--list", out.toString()).redirectErrorStream(true).start();
        String toc = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), toc);
        assertTrue(toc.contains("TABLE DATA public assets"), toc);
        assertFalse(Files.exists(dir.resolve("immich.dump.partial")));
    }

    @Test
    void aMissingContainerLeavesNoFile() throws Exception {
        Path out = dir.resolve("x.dump");
        try (SshTestServer server = SshTestServer.builder().bin(standInDocker()).start();
             SshConnection c = open(server, new ArrayList<>())) {
            DumpFailedException e = assertThrows(DumpFailedException.class,
                    () -> new RemoteDockerDump(c, "immich_db", "postgres", "immich").dumpTo(out, null));
            assertTrue(e.getMessage().contains("No such container"), e.getMessage());
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("x.dump.partial")));
    }
}
