package dbmedic.core.ssh;


import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH session to a server (through its jump hosts), checked against known_hosts before
 * anything is sent, authenticated with the agent, then the key files, then a password. Over
 * it: local port forwards ({@link #forward}) and remote commands ({@link #exec}), each
 * command shown to the {@link RemoteCommandListener} before it runs.
 *
 * <p>Underneath, JSch runs with {@code StrictHostKeyChecking=yes} and DB Medic's own
 * host-key repository ({@link KnownHostsCheck}): an unknown key is accepted only by the user,
 * a changed key ends the connection during the key exchange.
 */
public final class SshConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshSettings settings;
    private final RemoteCommandListener listener;
    /** Jump sessions first, the target's session last. */
    private final List<com.jcraft.jsch.Session> chain;
    private final String authenticatedWith;
    private final String knownHostsNote;

    private SshConnection(SshSettings settings, RemoteCommandListener listener, List<com.jcraft.jsch.Session> chain,
                          String authenticatedWith, String knownHostsNote) {
        this.settings = settings;
        this.listener = listener;
        this.chain = chain;
        this.authenticatedWith = authenticatedWith;
        this.knownHostsNote = knownHostsNote;
    }

    /** Connects and logs in; one plain line in the {@link SshFailure} otherwise. */
    public static SshConnection open(SshSettings settings, SshPrompts prompts) throws SshFailure {
        return open(settings, prompts, RemoteCommandListener.NONE);
    }

    public static SshConnection open(SshSettings settings, SshPrompts prompts, RemoteCommandListener listener)
            throws SshFailure {
        SshPrompts p = prompts == null ? SshPrompts.NONE : prompts;
        KnownHostsCheck hosts = new KnownHostsCheck(settings.knownHosts(), settings.acceptNewHostKey(), p);
        JSch jsch = new JSch();
        jsch.setHostKeyRepository(hosts);
        List<SshSettings.Hop> hops = new ArrayList<>(settings.jumpHosts());
        hops.add(settings.asHop());
        List<com.jcraft.jsch.Session> chain = new ArrayList<>();
        String via = null;
        int viaPort = 0;
        String auth = null;
        try {
            for (int i = 0; i < hops.size(); i++) {
                SshSettings.Hop hop = hops.get(i);
                List<Path> keys = hop.identityFiles().isEmpty() ? settings.identityFiles() : hop.identityFiles();
                LoggedIn s = login(jsch, hosts, settings, hop, keys, p, via, viaPort);
                chain.add(s.session());
                auth = s.authenticatedWith();
                if (i < hops.size() - 1) {
                    SshSettings.Hop next = hops.get(i + 1);
                    try {
                        viaPort = s.session().setPortForwardingL("127.0.0.1", 0, next.host(), next.port());
                        via = hop.display();
                    } catch (JSchException e) {
                        throw new SshFailure(SshFailure.Kind.FORWARDING_REFUSED, "The jump host " + hop.display()
                                + " could not forward to " + next.host() + ":" + next.port() + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (SshFailure e) {
            disconnectAll(chain);
            throw e;
        }
        return new SshConnection(settings, listener == null ? RemoteCommandListener.NONE : listener, chain, auth,
                hosts.appendFailure());
    }

    private record LoggedIn(com.jcraft.jsch.Session session, String authenticatedWith) {
    }

    private static LoggedIn login(JSch jsch, KnownHostsCheck hosts, SshSettings settings, SshSettings.Hop hop,
                                 List<Path> keyFiles, SshPrompts prompts, String via, int viaPort) throws SshFailure {
        AuthTrail trail = new AuthTrail();
        String knownName = knownHostsName(hop);
        String destination = hop.display() + (via == null ? "" : " (via " + via + ")");
        com.jcraft.jsch.Session s;
        PasswordLogin password = new PasswordLogin(hop.user(), hop.host(), prompts, trail);
        try {
            s = via == null ? jsch.getSession(hop.user(), hop.host(), hop.port())
                    : jsch.getSession(hop.user(), "127.0.0.1", viaPort);
            s.setHostKeyAlias(knownName);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("HashKnownHosts", "no");
            s.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
            List<String> preferred = hosts.knownAlgorithms(knownName);
            if (!preferred.isEmpty()) {
                s.setConfig("server_host_key", preferFirst(preferred, s.getConfig("server_host_key")));
            }
            s.setIdentityRepository(LoginIdentities.build(jsch, settings.useAgent(), settings.agentSocket(), keyFilesOrDefaults(keyFiles), prompts, trail));
            s.setUserInfo(password);
            s.setServerAliveInterval(millis(settings.keepAliveInterval()));
            s.setServerAliveCountMax(settings.keepAliveCountMax());
        } catch (JSchException e) {
            throw JschFailures.transport(e, destination);
        }
        try {
            s.connect(millis(settings.connectTimeout()));
        } catch (JSchException e) {
            s.disconnect();
            throw JschFailures.connect(e, destination, hosts, trail);
        } finally {
            password.clear();
        }
        String with = trail.succeededWith() == null ? "the server's first method" : trail.succeededWith();
        LOG.info("SSH: logged in to {} with {}", destination, with);
        return new LoggedIn(s, with);
    }

    /** As known_hosts names the host: {@code host}, or {@code [host]:port} off port 22. */
    static String knownHostsName(SshSettings.Hop hop) {
        String h = hop.host().toLowerCase(java.util.Locale.ROOT);
        return hop.port() == SshSettings.DEFAULT_PORT ? h : "[" + h + "]:" + hop.port();
    }

    private static String preferFirst(List<String> first, String all) {
        List<String> order = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(all.split(",")));
        for (String f : first) {
            if (rest.remove(f)) {
                order.add(f);
            }
        }
        order.addAll(rest);
        return String.join(",", order);
    }

    private static List<Path> keyFilesOrDefaults(List<Path> files) {
        if (!files.isEmpty()) {
            return files;
        }
        List<Path> found = new ArrayList<>();
        for (String name : DEFAULT_KEYS) {
            Path p = SshSettings.defaultSshFolder().resolve(name);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        return found;
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static void disconnectAll(List<com.jcraft.jsch.Session> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).disconnect();
        }
    }

    private com.jcraft.jsch.Session target() {
        return chain.get(chain.size() - 1);
    }

    public SshSettings settings() {
        return settings;
    }

    /** How the login succeeded, e.g. {@code key ~/.ssh/id_ed25519}, for the wizard's Test. */
    public String authenticatedWith() {
        return authenticatedWith;
    }

    /** Set when an accepted host key could not be saved in known_hosts (the connection works). */
    public java.util.Optional<String> knownHostsNote() {
        return java.util.Optional.ofNullable(knownHostsNote);
    }

    /**
     * A local forward to {@code remoteHost:remotePort} as seen from the server. The server is
     * asked once right away, so a refusal (AllowTcpForwarding no, nothing listening there)
     * is this method's error rather than a broken database connection later.
     */
    public Tunnel forward(String remoteHost, int remotePort) throws SshFailure {
        com.jcraft.jsch.Session s = target();
        String where = remoteHost + ":" + remotePort;
        probeForward(s, remoteHost, remotePort);
        try {
            int local = s.setPortForwardingL("127.0.0.1", 0, remoteHost, remotePort);
            LOG.info("SSH: forwarding 127.0.0.1:{} to {} via {}", local, where, settings.display());
            return new JschTunnel(s, local, remoteHost, remotePort);
        } catch (JSchException e) {
            throw JschFailures.transport(e, settings.display());
        }
    }

    private void probeForward(com.jcraft.jsch.Session s, String remoteHost, int remotePort) throws SshFailure {
        ChannelDirectTCPIP probe = null;
        try {
            probe = (ChannelDirectTCPIP) s.openChannel("direct-tcpip");
            probe.setHost(remoteHost);
            probe.setPort(remotePort);
            probe.setOrgIPAddress("127.0.0.1");
            probe.setOrgPort(0);
            probe.connect(millis(settings.connectTimeout()));
        } catch (JSchException e) {
            if (!s.isConnected()) {
                throw JschFailures.transport(e, settings.display());
            }
            throw new SshFailure(SshFailure.Kind.FORWARDING_REFUSED, "The SSH server " + settings.display()
                    + " refused to forward to " + remoteHost + ":" + remotePort + ": either forwarding is off there"
                    + " (AllowTcpForwarding in sshd_config) or nothing listens on " + remoteHost + ":" + remotePort
                    + " as seen from the server.", e);
        } finally {
            if (probe != null) {
                probe.disconnect();
            }
        }
    }

    /**
     * Runs {@code argv} on the server, every argument quoted for its shell ({@link ShellQuote});
     * the listener sees the exact line first.
     */
    public RemoteProcess exec(List<String> argv) throws SshFailure {
        String line = ShellQuote.join(argv);
        listener.aboutToRun(settings.display(), line);
        LOG.info("SSH: running on {}: {}", settings.display(), line);
        ChannelExec ch = null;
        try {
            ch = (ChannelExec) target().openChannel("exec");
            ch.setCommand(line);
            ch.setInputStream(null);
            InputStream out = ch.getInputStream();
            InputStream err = ch.getErrStream();
            ch.connect(millis(settings.connectTimeout()));
            return new JschProcess(ch, line, out, err);
        } catch (JSchException | IOException e) {
            if (ch != null) {
                ch.disconnect();
            }
            if (!isConnected()) {
                throw JschFailures.transport(e, settings.display());
            }
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "The SSH server " + settings.display()
                    + " would not run: " + line + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether the session is gone, given a {@code failure} of something that ran through it. A
     * forwarded socket can fail a moment before the session notices the server is gone, so after a
     * socket-level failure (an I/O error, or PostgreSQL's connection SQLSTATE class 08) this waits
     * up to {@code patience} for the session to say so; other failures are answered at once.
     */
    public boolean lostAfter(Throwable failure, java.time.Duration patience) {
        if (isConnected() && socketFailure(failure)) {
            long end = System.nanoTime() + patience.toNanos();
            while (isConnected() && System.nanoTime() < end) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return !isConnected();
    }

    private static boolean socketFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    public boolean isConnected() {
        for (com.jcraft.jsch.Session s : chain) {
            if (!s.isConnected()) {
                return false;
            }
        }
        return !chain.isEmpty();
    }

    /** The jump hosts and target, for messages: {@code admin@nas (via admin@gate)}. */
    public String describe() {
        List<String> names = new ArrayList<>();
        settings.jumpHosts().forEach(h -> names.add(h.display()));
        return settings.display() + (names.isEmpty() ? "" : " (via " + String.join(", ", names) + ")");
    }

    @Override
    public void close() {
        disconnectAll(Collections.unmodifiableList(chain));
    }

}
