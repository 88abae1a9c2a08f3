package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login through a real OpenSSH {@code ssh-agent} (started for the test on its own socket, the
 * ed25519 test key added with {@code ssh-add}): the agent's key is offered before the key
 * files, and {@code IdentityAgent} in the ssh config names the socket (or turns the agent off).
 */
@Timeout(120)
class SshAgentTest {
    @TempDir
    Path dir;
    private Process agent;
    private Path socket;
    private SshTestServer server;

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.out").toFile()).start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(socket)) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("ssh-agent did not start: " + Files.readString(dir.resolve("agent.out")));
            }
            Thread.onSpinWait();
        }
        Path key = SshTestServer.copyKey("id_ed25519", dir.resolve("keys"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
        add.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = add.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        server = SshTestServer.builder().start();
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLines());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (agent != null) {
            agent.destroy();
        }
    }

    private SshSettings base() throws SshFailure {
        // A key file the server refuses: only the agent's key can log in.
        return SshSettings.parse(server.destination()).withKnownHosts(dir.resolve("known_hosts"))
                .withIdentityFiles(List.of(SshTestServer.key("id_stranger")))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
    }

    @Test
    void theAgentsKeyLogsIn() throws Exception {
        try (SshConnection c = SshConnection.open(base().withAgentSocket(socket), TestPrompts.none())) {
            assertTrue(c.authenticatedWith().startsWith("ssh-agent key"), c.authenticatedWith());
            assertTrue(c.isConnected());
        }
    }

    @Test
    void identityAgentInTheConfigNamesTheSocketOrTurnsTheAgentOff() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host nas\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User "
                + SshTestServer.USER + "\n  IdentityFile " + SshTestServer.key("id_stranger") + "\n  IdentityAgent \""
                + socket + "\"\nHost nas-no-agent\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User "
                + SshTestServer.USER + "\n  IdentityFile " + SshTestServer.key("id_stranger") + "\n  IdentityAgent none\n");
        SshConfigFile file = SshConfigFile.read(config);
        SshSettings viaConfig = file.find("nas").orElseThrow().withKnownHosts(dir.resolve("known_hosts"));
        assertEquals(socket, viaConfig.agentSocket());
        try (SshConnection c = SshConnection.open(viaConfig, TestPrompts.none())) {
            assertTrue(c.authenticatedWith().startsWith("ssh-agent key"), c.authenticatedWith());
        }
        SshSettings noAgent = file.find("nas-no-agent").orElseThrow().withKnownHosts(dir.resolve("known_hosts"));
        SshFailure e = assertThrows(SshFailure.class, () -> SshConnection.open(noAgent, TestPrompts.none()).close());
        assertEquals(SshFailure.Kind.AUTH_FAILED, e.kind(), e.getMessage());
        assertTrue(!e.getMessage().contains("ssh-agent key"), e.getMessage());
    }
}
