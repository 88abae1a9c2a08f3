package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.sshtest.SshTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** docker ps through a stand-in docker script on the server, and a compose folder read with cat. */
@Timeout(120)
class RemoteOperationsTest {
    @TempDir
    Path dir;

    private SshConnection open(SshTestServer server, List<String> shown) throws Exception {
        return server.openTrusted(dir, shown);
    }

    private Path standInDocker(String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void runningContainersFromDockerPs() throws Exception {
        Path bin = standInDocker("""
                [ "$1" = ps ] && [ "$2" = --format ] && [ "$3" = '{{.Names}}\t{{.Image}}\t{{.Status}}' ] || { echo "bad args: $*" >&2; exit 2; }
                printf 'immich_server\\tghcr.io/immich-app/immich-server:v1.135.0\\tUp 2 hours\\n'
                printf 'immich_postgres\\tghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0\\tUp 2 hours (healthy)\\n'
                """);
        List<String> shown = new ArrayList<>();
        try (SshTestServer server = SshTestServer.builder().bin(bin).start(); SshConnection c = open(server, shown)) {
            List<RemoteDocker.Container> running = new RemoteDocker(c).runningContainers();
            assertEquals(List.of(
                    new RemoteDocker.Container("immich_server", "ghcr.io/immich-app/immich-server:v1.135.0", "Up 2 hours"),
                    new RemoteDocker.Container("immich_postgres", "ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0",
                            "Up 2 hours (healthy)")), running);
            assertEquals(List.of("docker ps --format '{{.Names}}\t{{.Image}}\t{{.Status}}'"), shown);
        }
    }

    @Test
    void dockerRefusingSaysWhy() throws Exception {
        Path bin = standInDocker("echo 'permission denied while trying to connect to the Docker daemon socket' >&2; exit 1\n");
        try (SshTestServer server = SshTestServer.builder().bin(bin).start(); SshConnection c = open(server, new ArrayList<>())) {
            SshFailure f = assertThrows(SshFailure.class, () -> new RemoteDocker(c).runningContainers());
            assertTrue(f.getMessage().contains("docker group"), f.getMessage());
        }
    }

    @Test
    void composeFolderAndEnvAreCopiedForTheOfflineChecks() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("srv/immich app"));
        Files.writeString(remote.resolve("docker-compose.yml"), "services:\n  database:\n    image: postgres:14\n");
        Files.writeString(remote.resolve(".env"), "DB_PASSWORD=postgres\n");
        Path local = Files.createDirectories(dir.resolve("local"));
        List<String> shown = new ArrayList<>();
        try (SshTestServer server = SshTestServer.builder().start(); SshConnection c = open(server, shown)) {
            assertEquals(List.of("docker-compose.yml", ".env"), new RemoteFiles(c).copyComposeFolder(remote.toString(), local));
            assertThrows(SshFailure.class, () -> new RemoteFiles(c).copyComposeFolder(dir.resolve("nothing").toString(), local));
        }
        assertEquals(Files.readString(remote.resolve("docker-compose.yml")), Files.readString(local.resolve("docker-compose.yml")));
        assertEquals("DB_PASSWORD=postgres\n", Files.readString(local.resolve(".env")));
        assertTrue(shown.contains("cat -- '" + remote.resolve("compose.yaml") + "'"), shown.toString());
    }
}
