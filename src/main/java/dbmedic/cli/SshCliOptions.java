package dbmedic.cli;

import dbmedic.core.ssh.SshConfigFile;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshFailure;
import dbmedic.core.ssh.SshSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The SSH options of every command that takes a PostgreSQL target or a log source: add
 * {@code @Mixin SshCliOptions ssh;} to the command. {@code --ssh} takes {@code user@host[:port]}
 * or a Host alias of the ssh config file.
 */
public final class SshCliOptions {
    @Option(names = "--ssh", paramLabel = "DEST",
            description = "Reach the target through SSH: user@host[:port] or a Host alias from the ssh config file."
                    + " The database host in the URL is as seen from the SSH server; a folder TARGET is read on the server.")
    String destination;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key file (OpenSSH or PuTTY format), tried after the ssh-agent; repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to check the server's key against (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key",
            description = "Accept an unknown server's key and append it to known_hosts. A changed key is always refused.")
    boolean acceptNewHostKey;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh config file (default ~/.ssh/config).")
    Path config;

    /** Whether --ssh was given. */
    public boolean enabled() {
        return destination != null && !destination.isBlank();
    }

    /** The settings from --ssh (a config alias or user@host[:port]) and the other flags. */
    public SshSettings settings() throws SshFailure {
        SshConfigFile file = SshConfigFile.read(config == null ? SshConfigFile.defaultFile() : config);
        Optional<SshSettings> fromConfig = file.find(destination);
        SshSettings s = fromConfig.isPresent() ? fromConfig.get() : SshSettings.parse(destination);
        if (!keys.isEmpty()) {
            s = s.withIdentityFiles(keys);
        }
        if (knownHosts != null) {
            s = s.withKnownHosts(knownHosts);
        }
        return s.withAcceptNewHostKey(acceptNewHostKey);
    }

    /** Connects; every remote command is printed on {@code err} before it runs. */
    public SshConnection open(PrintWriter err) throws SshFailure {
        SshSettings s = settings();
        err.println("Connecting over SSH to " + s.display() + (s.jumpHosts().isEmpty() ? ""
                : " via " + String.join(", ", s.jumpHosts().stream().map(SshSettings.Hop::display).toList())));
        err.flush();
        SshConnection c = SshConnection.open(s, new ConsoleSshPrompts(System.console(), err), (where, line) -> {
            err.println("Running on " + where + ": " + line);
            err.flush();
        });
        c.knownHostsNote().ifPresent(note -> err.println("dbmedic: " + note));
        return c;
    }
}
