package dbmedic.core.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user's {@code ~/.ssh/config}, read the way OpenSSH reads it for the keywords DB Medic
 * uses: Host (patterns, {@code !negation}), HostName, User, Port, IdentityFile, ProxyJump;
 * the first value obtained wins. JSch's own parser does not know ProxyJump, so this one does it all.
 */
public final class SshConfigFile {
    private SshConfigFile() {
    }

    /** Reads {@code file}; a missing file is an empty config. */
    public static SshConfigFile read(Path file) throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@code ~/.ssh/config}. */
    public static Path defaultFile() {
        return SshSettings.defaultSshFolder().resolve("config");
    }

    /** The Host names without wildcards, in file order: the wizard's list. */
    public List<String> hosts() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether {@code alias} is named by a Host line without wildcards. */
    public boolean defines(String alias) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The settings for {@code destination} ({@code alias}, {@code user@alias}, {@code alias:port}):
     * HostName, User, Port, IdentityFile and ProxyJump applied (each jump host resolved through
     * this file too). Values given in {@code destination} beat the file's, as with {@code ssh}.
     */
    public SshSettings settings(String destination) throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #settings} when the config names it. */
    public Optional<SshSettings> find(String destination) throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }
}
