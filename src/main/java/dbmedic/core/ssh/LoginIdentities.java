package dbmedic.core.ssh;

import com.jcraft.jsch.AgentConnector;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.PageantConnector;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.WindowsSSHAgentConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Vector;

/**
 * The public keys offered, in order: the ssh-agent's (OpenSSH agent via SSH_AUTH_SOCK; on
 * Windows the OpenSSH agent's named pipe), then the key files. Read-only towards the agent:
 * unlike JSch's default wrapper it never adds a key file to the user's agent.
 */
final class LoginIdentities implements IdentityRepository {
    private final List<Identity> identities = new ArrayList<>();

    private LoginIdentities() {
    }

    static LoginIdentities build(JSch jsch, boolean useAgent, Path agentSocket, List<Path> files, SshPrompts prompts,
                                 AuthTrail trail)
            throws SshFailure {
        LoginIdentities ids = new LoginIdentities();
        if (useAgent) {
            ids.addAgent(agentSocket, trail);
        }
        for (Path f : files) {
            String shown = shown(f);
            if (!Files.isRegularFile(f)) {
                trail.note("key " + shown, "file not found");
                continue;
            }
            try {
                ids.identities.add(new KeyFileIdentity(KeyFileIdentity.load(jsch, f), f, shown, prompts, trail));
            } catch (JSchException e) {
                trail.note("key " + shown, "not a private key JSch can read: " + e.getMessage());
            }
        }
        return ids;
    }

    private void addAgent(Path agentSocket, AuthTrail trail) {
        AgentConnector connector = agentConnector(agentSocket);
        if (connector == null) {
            trail.note("ssh-agent", "not running");
            return;
        }
        try {
            Vector<Identity> agentKeys = new AgentIdentityRepository(connector).getIdentities();
            trail.note("ssh-agent", agentKeys.size() + (agentKeys.size() == 1 ? " key" : " keys"));
            for (Identity id : agentKeys) {
                identities.add(new AgentKey(id, trail));
            }
        } catch (RuntimeException e) {
            trail.note("ssh-agent", "unreachable");
        }
    }

    /** The agent at {@code socket}, else the platform's, or null when none runs. */
    private static AgentConnector agentConnector(Path socket) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        try {
            if (socket != null) {
                AgentConnector given = new SSHAgentConnector(socket);
                return given.isAvailable() ? given : null;
            }
            if (windows) {
                // The OpenSSH agent's named pipe (Windows 10+), else PuTTY's Pageant (through JNA).
                AgentConnector pipe = available(WindowsSSHAgentConnector::new);
                return pipe != null ? pipe : available(PageantConnector::new);
            }
            String sock = System.getenv("SSH_AUTH_SOCK");
            if (sock != null && !sock.isBlank() && Files.exists(Path.of(sock))) {
                AgentConnector unix = new SSHAgentConnector(Path.of(sock));
                return unix.isAvailable() ? unix : null;
            }
        } catch (AgentProxyException | RuntimeException | LinkageError e) {
            return null;
        }
        return null;
    }

    private interface ConnectorFactory {
        AgentConnector create() throws AgentProxyException;
    }

    /** The connector when its agent answers; null when it is absent or cannot be loaded. */
    private static AgentConnector available(ConnectorFactory factory) {
        try {
            AgentConnector c = factory.create();
            return c.isAvailable() ? c : null;
        } catch (AgentProxyException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    static String shown(Path f) {
        Path home = Path.of(System.getProperty("user.home", "/nonexistent")).toAbsolutePath();
        Path abs = f.toAbsolutePath();
        return abs.startsWith(home) ? "~/" + home.relativize(abs).toString().replace('\\', '/') : f.toString();
    }

    @Override
    public String getName() {
        return "DB Medic login keys";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        return new Vector<>(identities);
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // Nothing is stored.
    }

    /** An agent key, recording whether the server took it. */
    private record AgentKey(Identity id, AuthTrail trail) implements Identity {
        @Override
        public boolean setPassphrase(byte[] passphrase) throws JSchException {
            return id.setPassphrase(passphrase);
        }

        @Override
        public byte[] getPublicKeyBlob() {
            return id.getPublicKeyBlob();
        }

        @Override
        public byte[] getSignature(byte[] data) {
            trail.succeeded("ssh-agent key " + id.getName());
            return id.getSignature(data);
        }

        @Override
        public byte[] getSignature(byte[] data, String alg) {
            trail.succeeded("ssh-agent key " + id.getName());
            return id.getSignature(data, alg);
        }

        @Override
        public String getAlgName() {
            return id.getAlgName();
        }

        @Override
        public String getName() {
            return id.getName();
        }

        @Override
        public boolean isEncrypted() {
            return id.isEncrypted();
        }

        @Override
        public void clear() {
            id.clear();
        }
    }
}
