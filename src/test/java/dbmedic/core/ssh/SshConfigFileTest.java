package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ~/.ssh/config as OpenSSH reads it, and ProxyJump through a real jump server. */
@Timeout(120)
class SshConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void firstValueWinsWildcardsAndNegationAndTheHostList() throws Exception {
        SshConfigFile f = SshConfigFile.parse(dir.resolve("config"), List.of(
                "# comment",
                "Host nas nas-lan",
                "  HostName 192.168.1.20",
                "  User admin",
                "  IdentityFile ~/.ssh/nas_key",
                "Host *.lan !printer.lan",
                "  Port=2222",
                "Host *",
                "  User nobody",
                "  Port 22",
                "  IdentityFile %d/.ssh/id_ed25519",
                "Match host whatever",
                "  User matched"));
        assertEquals(List.of("nas", "nas-lan"), f.hosts());
        SshSettings nas = f.settings("nas");
        assertEquals("192.168.1.20", nas.host());
        assertEquals("admin", nas.user());
        assertEquals(22, nas.port());
        String home = System.getProperty("user.home");
        assertEquals(List.of(Path.of(home, ".ssh/nas_key"), Path.of(home, ".ssh/id_ed25519")), nas.identityFiles());
        assertEquals("root", f.settings("root@nas").user(), "the user given on the command line wins");
        assertEquals(2222, f.settings("box.lan").port());
        assertEquals(22, f.settings("printer.lan").port(), "negated pattern");
        assertEquals("nobody", f.settings("box.lan").user());
        assertTrue(f.find("unknown-host").isEmpty());
    }

    @Test
    void proxyJumpGoesThroughTheJumpHost() throws Exception {
        try (SshTestServer jump = SshTestServer.builder().start(); SshTestServer target = SshTestServer.builder().start()) {
            Path key = SshTestServer.key("id_ed25519");
            Path config = dir.resolve("config");
            Files.writeString(config, String.join("\n",
                    "Host gate",
                    "  HostName 127.0.0.1",
                    "  Port " + jump.port(),
                    "  User admin",
                    "  IdentityFile " + key,
                    "Host homeserver",
                    "  HostName 127.0.0.1",
                    "  Port " + target.port(),
                    "  User admin",
                    "  IdentityFile " + key,
                    "  ProxyJump gate",
                    ""));
            Files.writeString(dir.resolve("known_hosts"), jump.knownHostsLines() + target.knownHostsLines());
            SshSettings s = SshConfigFile.read(config).settings("homeserver").withKnownHosts(dir.resolve("known_hosts"))
                    .withAgent(false).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
            assertEquals(List.of(new SshSettings.Hop("127.0.0.1", jump.port(), "admin", List.of(key))), s.jumpHosts());
            try (SshConnection c = SshConnection.open(s, TestPrompts.none());
                 RemoteProcess p = c.exec(List.of("echo", "on the target"))) {
                assertEquals("on the target\n", new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(List.of("echo 'on the target'"), target.commands());
            assertEquals(List.of(), jump.commands(), "the jump host only forwards");
        }
    }

    @Test
    void aJumpHostWithAnUnknownKeyStopsTheChain() throws Exception {
        try (SshTestServer jump = SshTestServer.builder().start(); SshTestServer target = SshTestServer.builder().start()) {
            Files.writeString(dir.resolve("known_hosts"), target.knownHostsLines());
            SshSettings s = SshSettings.parse(target.destination()).withKnownHosts(dir.resolve("known_hosts"))
                    .withIdentityFiles(List.of(SshTestServer.key("id_ed25519"))).withAgent(false)
                    .withJumpHosts(List.of(new SshSettings.Hop("127.0.0.1", jump.port(), "admin", List.of())));
            SshFailure f = org.junit.jupiter.api.Assertions.assertThrows(SshFailure.class,
                    () -> SshConnection.open(s, TestPrompts.none()));
            assertEquals(SshFailure.Kind.UNKNOWN_HOST_REJECTED, f.kind());
            assertEquals(0, target.authAttempts());
        }
    }
}
