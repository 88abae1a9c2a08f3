package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host keys (unknown, accepted, changed, hashed), logins (each key type, OpenSSH and PuTTY
 * files, encrypted keys, passwords) and their failures, against a real in-JVM SSH server.
 */
@org.junit.jupiter.api.Timeout(120)
class SshConnectionTest {
    @TempDir
    Path dir;
    private SshTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SshSettings settings(String... keys) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (String k : keys) {
            files.add(SshTestServer.key(k));
        }
        return SshSettings.parse(server.destination()).withKnownHosts(dir.resolve("known_hosts"))
                .withIdentityFiles(files).withAgent(false).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
    }

    private void trustServer() throws IOException {
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLines());
    }

    private static String run(SshConnection c, String... argv) throws Exception {
        try (RemoteProcess p = c.exec(List.of(argv))) {
            String out = new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8);
            OptionalInt code = p.waitFor(Duration.ofSeconds(60));
            assertEquals(OptionalInt.of(0), code, () -> "exit of " + p.commandLine());
            return out;
        }
    }

    @Test
    void unknownHostIsRefusedWithoutAcceptanceAndShowsTheFingerprint() throws Exception {
        server = SshTestServer.builder().start();
        TestPrompts prompts = TestPrompts.none();
        SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(settings("id_ed25519"), prompts));
        assertEquals(SshFailure.Kind.UNKNOWN_HOST_REJECTED, f.kind());
        assertTrue(f.getMessage().contains(server.fingerprint()), f.getMessage());
        assertEquals(List.of("host " + server.knownHostsName() + " ssh-ed25519 " + server.fingerprint()), prompts.asked);
        assertEquals(0, server.authAttempts(), "no login attempt before the host is trusted");
        assertFalse(Files.exists(dir.resolve("known_hosts")));
    }

    @Test
    void acceptNewHostKeyAppendsOneLineAndTheNextConnectionNeedsNoAcceptance() throws Exception {
        server = SshTestServer.builder().start();
        Files.writeString(dir.resolve("known_hosts"), "# my hosts\nother.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
        try (SshConnection c = SshConnection.open(settings("id_ed25519").withAcceptNewHostKey(true), TestPrompts.none())) {
            assertEquals("ok\n", run(c, "echo", "ok"));
        }
        List<String> lines = Files.readAllLines(dir.resolve("known_hosts"));
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("# my hosts", lines.get(0), "the existing file is kept as it was");
        assertTrue(lines.get(2).startsWith(server.knownHostsName() + " ssh-ed25519 "), lines.get(2));
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
            assertTrue(c.isConnected());
        }
    }

    @Test
    void acceptedOnceIsNotWritten() throws Exception {
        server = SshTestServer.builder().start();
        TestPrompts prompts = new TestPrompts(null, null, HostKeyDecision.ACCEPT_ONCE);
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), prompts)) {
            assertTrue(c.isConnected());
        }
        assertFalse(Files.exists(dir.resolve("known_hosts")));
    }

    @Test
    void changedHostKeyIsRefusedBeforeAnyLogin() throws Exception {
        SshTestServer first = SshTestServer.builder().start();
        int port = first.port();
        String oldLines = first.knownHostsLines();
        first.close();
        // Another server (another ed25519 key) where known_hosts remembers the first one.
        server = SshTestServer.builder().start();
        Files.writeString(dir.resolve("known_hosts"), oldLines.replace("[127.0.0.1]:" + port, server.knownHostsName()));
        TestPrompts prompts = new TestPrompts(SshTestServer.PASSWORD, null, HostKeyDecision.ACCEPT_AND_REMEMBER);
        SshFailure f = assertThrows(SshFailure.class,
                () -> SshConnection.open(settings("id_ed25519").withAcceptNewHostKey(true), prompts));
        assertEquals(SshFailure.Kind.HOST_KEY_CHANGED, f.kind());
        assertTrue(f.getMessage().contains("man in the middle") && f.getMessage().contains("Nothing was sent"), f.getMessage());
        assertTrue(f.getMessage().contains(server.fingerprint()), f.getMessage());
        assertEquals(0, server.authAttempts(), "no key or password offered to a server whose key changed");
        assertTrue(prompts.asked.isEmpty(), "neither asked to accept nor for a password: " + prompts.asked);
        assertEquals(1, Files.readAllLines(dir.resolve("known_hosts")).size(), "known_hosts untouched");
    }

    @Test
    void hashedKnownHostsEntryIsHonoured() throws Exception {
        server = SshTestServer.builder().start();
        Files.writeString(dir.resolve("known_hosts"), server.hashedKnownHostsLines());
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
            assertEquals("hashed\n", run(c, "echo", "hashed"));
        }
    }

    @Test
    void eachHostKeyType() throws Exception {
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            server = SshTestServer.builder().hostKeys(type).start();
            trustServer();
            try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
                assertTrue(c.isConnected(), type);
            }
            server.close();
        }
        server = null;
    }

    @Test
    void theKnownKeyTypeIsPreferredWhenTheServerHasSeveral() throws Exception {
        server = SshTestServer.builder().hostKeys("ed25519", "ecdsa", "rsa").start();
        // known_hosts has only the rsa key: no "unknown host" for the ed25519 one.
        String rsaOnly = server.knownHostsLines().lines().filter(l -> l.contains("ssh-rsa")).findFirst().orElseThrow();
        Files.writeString(dir.resolve("known_hosts"), rsaOnly + "\n");
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
            assertTrue(c.isConnected());
        }
    }

    @Test
    void eachClientKeyTypeAndFormat() throws Exception {
        server = SshTestServer.builder().password(false).start();
        trustServer();
        for (String key : List.of("id_ed25519", "id_ecdsa", "id_rsa", "putty_ed25519.ppk", "putty_rsa_v2.ppk")) {
            try (SshConnection c = SshConnection.open(settings(key), TestPrompts.none())) {
                assertTrue(c.authenticatedWith().startsWith("key ") && c.authenticatedWith().endsWith(key), c.authenticatedWith());
            }
        }
    }

    @Test
    void wrongKeyIsRefusedAndSaysWhatWasTried() throws Exception {
        server = SshTestServer.builder().password(false).start();
        trustServer();
        SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(settings("id_stranger"), TestPrompts.none()));
        assertEquals(SshFailure.Kind.AUTH_FAILED, f.kind());
        assertTrue(f.getMessage().contains("id_stranger (refused)"), f.getMessage());
    }

    @Test
    void encryptedKeyAsksForItsPassphraseOnlyWhenTheServerWantsIt() throws Exception {
        server = SshTestServer.builder().password(false).start();
        trustServer();
        TestPrompts prompts = new TestPrompts(null, SshTestServer.PASSPHRASE, HostKeyDecision.REJECT);
        try (SshConnection c = SshConnection.open(settings("id_stranger", "id_ed25519_encrypted"), prompts)) {
            assertTrue(c.authenticatedWith().endsWith("id_ed25519_encrypted"), c.authenticatedWith());
        }
        assertEquals(List.of("passphrase id_ed25519_encrypted"), prompts.asked);
    }

    @Test
    void wrongPassphraseIsItsOwnError() throws Exception {
        server = SshTestServer.builder().password(false).start();
        trustServer();
        TestPrompts prompts = new TestPrompts(null, "not-the-passphrase", HostKeyDecision.REJECT);
        SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(settings("id_ed25519_encrypted"), prompts));
        assertEquals(SshFailure.Kind.WRONG_PASSPHRASE, f.kind());
        assertTrue(f.getMessage().startsWith("Wrong passphrase for the key "), f.getMessage());
    }

    @Test
    void passwordLoginAfterTheKeysAndAWrongPasswordIsRefusedOnce() throws Exception {
        server = SshTestServer.builder().start();
        trustServer();
        TestPrompts good = new TestPrompts(SshTestServer.PASSWORD, null, HostKeyDecision.REJECT);
        try (SshConnection c = SshConnection.open(settings("id_stranger"), good)) {
            assertEquals("password", c.authenticatedWith());
        }
        TestPrompts bad = new TestPrompts("wrong-password", null, HostKeyDecision.REJECT);
        SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(settings("id_stranger"), bad));
        assertEquals(SshFailure.Kind.AUTH_FAILED, f.kind());
        assertTrue(f.getMessage().contains("Tried, in order: key ") && f.getMessage().contains("password (refused)"),
                f.getMessage());
        assertEquals(1, bad.asked.stream().filter(a -> a.startsWith("password")).count(), "asked once: " + bad.asked);
    }

    @Test
    void forwardingRefusedIsSaidWhenTheTunnelIsOpened() throws Exception {
        server = SshTestServer.builder().forwarding(false).start();
        trustServer();
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
            SshFailure f = assertThrows(SshFailure.class, () -> c.forward("127.0.0.1", server.port()));
            assertEquals(SshFailure.Kind.FORWARDING_REFUSED, f.kind());
            assertTrue(f.getMessage().contains("AllowTcpForwarding"), f.getMessage());
        }
    }

    @Test
    void hostileArgumentsReachTheServerAsOneArgumentEach() throws Exception {
        server = SshTestServer.builder().start();
        trustServer();
        List<String> shown = new java.util.ArrayList<>();
        Path marker = dir.resolve("pwned");
        List<String> hostile = List.of("x; touch " + marker, "$(touch " + marker + ")", "`touch " + marker + "`",
                "it's", "a\"b", "*", "~", "new\nline", "");
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none(), (d, line) -> shown.add(line))) {
            List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
            argv.addAll(hostile);
            String out = run(c, argv.toArray(String[]::new));
            StringBuilder expected = new StringBuilder();
            hostile.forEach(h -> expected.append('[').append(h).append("]\n"));
            assertEquals(expected.toString(), out);
        }
        assertFalse(Files.exists(marker));
        assertEquals(1, shown.size());
        assertEquals(server.commands(), shown, "the listener saw exactly what the server ran");
    }

    @Test
    void silentServerIsATimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SshSettings s = SshSettings.parse("admin@127.0.0.1:" + silent.getLocalPort()).withKnownHosts(dir.resolve("kh"))
                    .withAgent(false).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), 1);
            SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(s, TestPrompts.none()));
            assertEquals(SshFailure.Kind.TIMEOUT, f.kind(), f.getMessage());
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SshSettings s = SshSettings.parse("admin@127.0.0.1:" + port).withKnownHosts(dir.resolve("kh")).withAgent(false);
        SshFailure f = assertThrows(SshFailure.class, () -> SshConnection.open(s, TestPrompts.none()));
        assertEquals(SshFailure.Kind.UNREACHABLE, f.kind(), f.getMessage());
    }

    @Test
    void serverGoneMidSessionEndsTheRemoteCommandAndTheConnection() throws Exception {
        server = SshTestServer.builder().start();
        trustServer();
        try (SshConnection c = SshConnection.open(settings("id_ed25519"), TestPrompts.none())) {
            RemoteProcess p = c.exec(List.of("sh", "-c", "echo started; sleep 600"));
            byte[] first = new byte[8];
            assertEquals(8, p.stdout().readNBytes(first, 0, 8));
            server.stop();
            assertEquals(-1, drain(p), "the output ends when the server is gone");
            assertTrue(p.waitFor(Duration.ofSeconds(60)).isPresent() || !p.isRunning());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.isConnected() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(c.isConnected());
            SshFailure f = assertThrows(SshFailure.class, () -> c.exec(List.of("true")));
            assertEquals(SshFailure.Kind.CONNECTION_LOST, f.kind(), f.getMessage());
        }
    }

    private static int drain(RemoteProcess p) throws IOException {
        byte[] buf = new byte[256];
        int n;
        while ((n = p.stdout().read(buf)) >= 0) {
            if (n == 0) {
                break;
            }
        }
        return n;
    }
}
