package dbmedic.core.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** JSch's exceptions → one line the user can act on. */
final class JschFailures {
    private JschFailures() {
    }

    static SshFailure connect(JSchException e, String destination, KnownHostsCheck hosts, AuthTrail trail) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (e instanceof JSchChangedHostKeyException || hosts.changedHost() != null) {
            return new SshFailure(SshFailure.Kind.HOST_KEY_CHANGED, "WARNING: the SSH host key of " + destination
                    + " has CHANGED (now " + hosts.changedFingerprint() + "). Someone may be intercepting the connection"
                    + " (man in the middle), or the server was reinstalled. Nothing was sent. If you know the key changed,"
                    + " remove the old line for " + hosts.changedHost() + " from " + hosts.path()
                    + " (ssh-keygen -R '" + hosts.changedHost() + "') and connect again.", e);
        }
        if (e instanceof JSchUnknownHostKeyException || hosts.rejectedHost() != null) {
            String fp = hosts.rejectedFingerprint() == null ? "" : " (" + hosts.rejectedFingerprint() + ")";
            return new SshFailure(SshFailure.Kind.UNKNOWN_HOST_REJECTED, "The SSH server " + destination
                    + " is not in " + hosts.path() + " and its key" + fp + " was not accepted. Compare the fingerprint"
                    + " with the server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then accept it"
                    + " (--accept-new-host-key on the command line).", e);
        }
        if (trail.hadWrongPassphrase() && lower.startsWith("auth")) {
            return new SshFailure(SshFailure.Kind.WRONG_PASSPHRASE, "Wrong passphrase for the key "
                    + trail.wrongPassphraseKey() + ": it could not be decrypted. Tried, in order: " + trail.describe() + ".", e);
        }
        if (lower.startsWith("auth fail") || lower.startsWith("auth cancel")) {
            return new SshFailure(SshFailure.Kind.AUTH_FAILED, "The SSH server " + destination + " refused the login."
                    + " Tried, in order: " + trail.describe() + ".", e);
        }
        return transport(e, destination);
    }

    /** Failures that are about the network, not about keys or passwords. */
    static SshFailure transport(Exception e, String destination) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (cause instanceof UnknownHostException) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, "The SSH host name in " + destination + " does not resolve: "
                    + cause.getMessage(), e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, "Nothing answers SSH at " + destination + " ("
                    + cause.getMessage() + ")", e);
        }
        if (cause instanceof SocketTimeoutException || lower.contains("timeout") || lower.contains("timed out")) {
            return new SshFailure(SshFailure.Kind.TIMEOUT, "The SSH server " + destination + " did not answer in time.", e);
        }
        if (lower.contains("session is down") || lower.contains("connection is closed") || lower.contains("session is not connected")
                || lower.contains("end of io stream") || lower.contains("connection reset")) {
            return new SshFailure(SshFailure.Kind.CONNECTION_LOST, "The SSH connection to " + destination + " was lost.", e);
        }
        return new SshFailure(SshFailure.Kind.UNREACHABLE, "SSH to " + destination + " failed: " + m, e);
    }
}
