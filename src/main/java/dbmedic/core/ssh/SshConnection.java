package dbmedic.core.ssh;

import java.util.List;

/**
 * One SSH session to a server (through its jump hosts), checked against known_hosts before
 * anything is sent, authenticated with the agent, then the key files, then a password. Over
 * it: local port forwards ({@link #forward}) and remote commands ({@link #exec}), each
 * command shown to the {@link RemoteCommandListener} before it runs.
 */
public final class SshConnection implements AutoCloseable {
    private SshConnection() {
    }

    /** Connects and logs in; one plain line in the {@link SshFailure} otherwise. */
    public static SshConnection open(SshSettings settings, SshPrompts prompts) throws SshFailure {
        return open(settings, prompts, RemoteCommandListener.NONE);
    }

    public static SshConnection open(SshSettings settings, SshPrompts prompts, RemoteCommandListener listener)
            throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }

    public SshSettings settings() {
        throw new UnsupportedOperationException("not yet");
    }

    /** How the login succeeded, e.g. {@code key ~/.ssh/id_ed25519}, for the wizard's Test. */
    public String authenticatedWith() {
        throw new UnsupportedOperationException("not yet");
    }

    /** A local forward to {@code remoteHost:remotePort} as seen from the server. */
    public Tunnel forward(String remoteHost, int remotePort) throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs {@code argv} on the server, every argument quoted for its shell ({@link ShellQuote}). */
    public RemoteProcess exec(List<String> argv) throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isConnected() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
