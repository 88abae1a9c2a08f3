package dbmedic.cli;

import dbmedic.core.ssh.HostKeyDecision;
import dbmedic.core.ssh.SshPrompts;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SSH questions at the terminal (no echo for secrets). An unknown host key is never
 * accepted by a prompt on the command line: the fingerprint is printed and
 * {@code --accept-new-host-key} is the explicit acceptance.
 */
final class ConsoleSshPrompts implements SshPrompts {
    private final Console console;
    private final PrintWriter err;

    ConsoleSshPrompts(Console console, PrintWriter err) {
        this.console = console;
        this.err = err;
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        return console == null ? Optional.empty()
                : Optional.ofNullable(console.readPassword("SSH password for %s@%s: ", user, host));
    }

    @Override
    public Optional<char[]> passphrase(Path keyFile) {
        return console == null ? Optional.empty()
                : Optional.ofNullable(console.readPassword("Passphrase for the key %s: ", keyFile));
    }

    @Override
    public HostKeyDecision acceptUnknownHost(String host, String keyType, String sha256Fingerprint) {
        err.println("dbmedic: the SSH server " + host + " is not in known_hosts. Its " + keyType + " key fingerprint is "
                + sha256Fingerprint + ".");
        err.flush();
        return HostKeyDecision.REJECT;
    }
}
