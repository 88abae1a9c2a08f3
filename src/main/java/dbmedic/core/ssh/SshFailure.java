package dbmedic.core.ssh;

/**
 * An SSH step that failed, in one plain line for the user ({@link #getMessage()}), and its
 * kind so a face can react (the wizard shows the host-key warning differently). Never
 * carries a password or passphrase.
 */
public final class SshFailure extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** The host's key is not in known_hosts and the user did not accept it. */
        UNKNOWN_HOST_REJECTED,
        /** known_hosts has another key for this host: possible man in the middle; nothing was sent. */
        HOST_KEY_CHANGED,
        /** Every authentication method was tried and refused. */
        AUTH_FAILED,
        /** An encrypted key file could not be decrypted with the passphrase given. */
        WRONG_PASSPHRASE,
        /** The server refused to open the forwarded connection (AllowTcpForwarding, or nothing listening). */
        FORWARDING_REFUSED,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The connection dropped after it was established. */
        CONNECTION_LOST,
        /** The host name does not resolve, or nothing listens on the port. */
        UNREACHABLE,
        /** The settings cannot be used (bad --ssh value, unreadable key file, unknown config alias). */
        BAD_SETTINGS,
        /** A remote command could not be started or failed. */
        COMMAND_FAILED
    }

    private final Kind kind;

    public SshFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SshFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
