package dbmedic.core.ssh;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the SSH connection may ask the user; the face supplies it (console without echo on the
 * CLI, dialogs in the wizard). Returned arrays are cleared by the engine after use.
 */
public interface SshPrompts {
    /** The SSH password for {@code user@host}; empty = do not try a password. */
    Optional<char[]> password(String user, String host);

    /** The passphrase of an encrypted key file; empty = skip this key. */
    Optional<char[]> passphrase(Path keyFile);

    /**
     * The host is not in known_hosts: show {@code sha256Fingerprint} (e.g. {@code SHA256:...})
     * and let the user decide. {@code host} is as known_hosts will name it ({@code [host]:port}
     * for a port other than 22).
     */
    HostKeyDecision acceptUnknownHost(String host, String keyType, String sha256Fingerprint);

    /** Asks nothing: no password, no passphrase, unknown hosts rejected. */
    SshPrompts NONE = new SshPrompts() {
        @Override
        public Optional<char[]> password(String user, String host) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> passphrase(Path keyFile) {
            return Optional.empty();
        }

        @Override
        public HostKeyDecision acceptUnknownHost(String host, String keyType, String sha256Fingerprint) {
            return HostKeyDecision.REJECT;
        }
    };
}
