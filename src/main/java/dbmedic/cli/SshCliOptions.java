package dbmedic.cli;

import picocli.CommandLine.Option;
import java.nio.file.Path;

/**
 * The SSH options of every command that takes a PostgreSQL target or a log source: add
 * {@code @Mixin SshCliOptions ssh;} to the command. {@code --ssh} takes {@code user@host[:port]}
 * or a Host alias of the ssh config file.
 */
public final class SshCliOptions {
    @Option(names = "--ssh", paramLabel = "DEST",
            description = "Reach the target through SSH: user@host[:port] or a Host alias from the ssh config file."
                    + " The database host in the URL is as seen from the SSH server.")
    String destination;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key file (OpenSSH or PuTTY format), tried after the ssh-agent; repeatable.")
    java.util.List<Path> keys = new java.util.ArrayList<>();

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
}
