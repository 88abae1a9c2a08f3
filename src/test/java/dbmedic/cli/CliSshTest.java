package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbmedic diagnose ... --ssh}: the same findings as direct, host keys checked, every remote command shown. */
@Timeout(300)
class CliSshTest {
    private static PgServer pg;
    @TempDir
    Path dir;
    private SshTestServer ssh;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(17).serverConfig("shared_preload_libraries", "vectors.so").start();
        pg.execute("postgres", "CREATE EXTENSION vector");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void startSsh() {
        ssh = SshTestServer.builder().start();
    }

    @AfterEach
    void stopSsh() {
        ssh.close();
    }

    private String url() {
        return "postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres";
    }

    private String[] sshArgs(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--ssh", ssh.destination(), "--ssh-key",
                SshTestServer.key("id_ed25519").toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
                "--ssh-config", dir.resolve("no-config").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new java.util.ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void unknownHostIsOneLineWithTheFingerprintAndNothingElseHappens() {
        CliRunner.Result r = CliRunner.run(concat(new String[] {"diagnose", url(), "--json"}, sshArgs()));
        assertEquals(ExitCode.UNUSABLE, r.code(), r.err());
        assertTrue(r.err().contains(ssh.fingerprint()) && r.err().contains("--accept-new-host-key"), r.err());
        assertEquals("", r.out());
        assertEquals(0, ssh.authAttempts());
    }

    @Test
    void diagnosisOverSshHasTheSameFindingsAsDirect() throws Exception {
        CliRunner.Result direct = CliRunner.run("diagnose", url(), "--json");
        CliRunner.Result tunnelled = CliRunner.run(concat(new String[] {"diagnose", url(), "--json"},
                sshArgs("--accept-new-host-key")));
        assertEquals(direct.code(), tunnelled.code(), tunnelled.err());
        JsonNode a = direct.json().get("findings");
        JsonNode b = tunnelled.json().get("findings");
        assertTrue(a.size() > 0);
        assertEquals(a, b);
        assertTrue(tunnelled.err().contains("Connecting over SSH to " + ssh.destination()), tunnelled.err());
        assertTrue(Files.readString(dir.resolve("known_hosts")).startsWith(ssh.knownHostsName() + " ssh-ed25519 "));
    }

    @Test
    void aRemoteComposeFolderIsReadWithCatAndEachCommandIsShown() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        Path remote = Files.createDirectories(dir.resolve("server/immich"));
        Files.writeString(remote.resolve("docker-compose.yml"), """
                services:
                  database:
                    image: ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0
                """);
        Files.writeString(remote.resolve(".env"), "DB_PASSWORD=remote-env-secret\n");
        CliRunner.Result remoteRun = CliRunner.run(concat(new String[] {"diagnose", remote.toString()}, sshArgs()));
        CliRunner.Result localRun = CliRunner.run("diagnose", remote.toString());
        assertEquals(localRun.code(), remoteRun.code(), remoteRun.err());
        assertTrue(remoteRun.err().contains("Running on " + ssh.destination() + ": cat -- "), remoteRun.err());
        assertEquals(ssh.commands().size(), remoteRun.err().lines().filter(l -> l.startsWith("Running on ")).count());
        assertTrue(!remoteRun.out().contains("remote-env-secret") && !remoteRun.err().contains("remote-env-secret"));
    }

    @Test
    void logsOverSshRunDockerLogsOnTheServer() throws Exception {
        ssh.close();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("docker"), "#!/bin/sh\necho '[Nest] 7  - 06/01/2025, 10:00:00 AM     LOG"
                + " [Microservices:DatabaseRepository] Reindexing clip_index'\n");
        Files.setPosixFilePermissions(bin.resolve("docker"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ssh = SshTestServer.builder().bin(bin).start();
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        CliRunner.Result r = CliRunner.run(concat(new String[] {"logs", "docker:immich_server"}, sshArgs()));
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("clip_index"), r.out());
        assertEquals(List.of("docker logs --tail 200 immich_server"), ssh.commands());
        assertTrue(r.err().contains("Running on " + ssh.destination() + ": docker logs --tail 200 immich_server"), r.err());
    }
}
