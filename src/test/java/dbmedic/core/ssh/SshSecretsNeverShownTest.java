package dbmedic.core.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Logins with the password and the passphrase, right and wrong: neither appears in any
 * failure message, stack trace, or log line (every logger at DEBUG, MINA's and JSch's too).
 */
@Timeout(120)
class SshSecretsNeverShownTest {
    @TempDir
    Path dir;

    @Test
    void passwordAndPassphraseNeverAppear() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        Level before = root.getLevel();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        StringBuilder seen = new StringBuilder();
        try (SshTestServer server = SshTestServer.builder().start()) {
            Files.writeString(dir.resolve("known_hosts"), server.knownHostsLines());
            SshSettings base = SshSettings.parse(server.destination()).withKnownHosts(dir.resolve("known_hosts"))
                    .withAgent(false).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
            SshSettings password = base.withIdentityFiles(List.of(SshTestServer.key("id_stranger")));
            SshSettings encrypted = base.withIdentityFiles(List.of(SshTestServer.key("id_ed25519_encrypted")));
            try (SshConnection c = SshConnection.open(password,
                    new TestPrompts(SshTestServer.PASSWORD, null, HostKeyDecision.REJECT))) {
                seen.append(c.authenticatedWith()).append(c.describe()).append(c.settings());
            }
            try (SshConnection c = SshConnection.open(encrypted,
                    new TestPrompts(null, SshTestServer.PASSPHRASE, HostKeyDecision.REJECT))) {
                seen.append(c.authenticatedWith()).append(c.describe());
            }
            // wrong ones: the secret typed is the other one, so a leak of "what was typed" shows too
            SshFailure wrongPassword = assertThrows(SshFailure.class, () -> SshConnection.open(password,
                    new TestPrompts(SshTestServer.PASSPHRASE, null, HostKeyDecision.REJECT)));
            SshFailure wrongPassphrase = assertThrows(SshFailure.class, () -> SshConnection.open(encrypted,
                    new TestPrompts(null, SshTestServer.PASSWORD, HostKeyDecision.REJECT)));
            for (SshFailure f : List.of(wrongPassword, wrongPassphrase)) {
                StringWriter trace = new StringWriter();
                f.printStackTrace(new PrintWriter(trace));
                seen.append(f.getMessage()).append('\n').append(trace);
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        for (ILoggingEvent e : captured.list) {
            seen.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                seen.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        assertTrue(seen.toString().contains("refused the login") && seen.toString().contains("Wrong passphrase"), seen.toString());
        assertTrue(captured.list.size() > 10, "the logs were captured: " + captured.list.size());
        assertFalse(seen.toString().contains(SshTestServer.PASSWORD), "password leaked");
        assertFalse(seen.toString().contains(SshTestServer.PASSPHRASE), "passphrase leaked");
    }
}
