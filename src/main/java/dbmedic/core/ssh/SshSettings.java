package dbmedic.core.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where and how to connect over SSH. Built from the CLI's {@code --ssh user@host[:port]}
 * ({@link #parse}) or from a {@code ~/.ssh/config} Host entry ({@link SshConfigFile#settings}).
 *
 * @param host              the SSH server, as the user named it (known_hosts is checked for this name)
 * @param port              22 unless given
 * @param user              the login name; the local user name when none was given
 * @param identityFiles     private key files tried in order after the agent; empty: the OpenSSH
 *                          defaults that exist ({@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa})
 * @param knownHosts        the known_hosts file checked (and appended to when the user accepts a new host)
 * @param acceptNewHostKey  accept and remember an unknown host's key without asking (CLI
 *                          {@code --accept-new-host-key}); a changed key is refused regardless
 * @param jumpHosts         hosts to go through first, in order (ProxyJump), each by a chained local forward
 * @param connectTimeout    for the TCP connection and the SSH handshake
 * @param keepAliveInterval a keepalive request after this much silence (ServerAliveInterval)
 * @param keepAliveCountMax unanswered keepalives before the connection is declared lost
 * @param useAgent          try the ssh-agent (SSH_AUTH_SOCK, Pageant / Windows OpenSSH agent) first
 * @param agentSocket       the agent's socket (ssh config {@code IdentityAgent}); null: {@code SSH_AUTH_SOCK}
 */
public record SshSettings(String host, int port, String user, List<Path> identityFiles, Path knownHosts,
                          boolean acceptNewHostKey, List<Hop> jumpHosts, Duration connectTimeout,
                          Duration keepAliveInterval, int keepAliveCountMax, boolean useAgent,
                          Path agentSocket) {
    public static final int DEFAULT_PORT = 22;

    /** A jump host (ProxyJump): its own user, host, port and keys. */
    public record Hop(String host, int port, String user, List<Path> identityFiles) {
        public Hop {
            identityFiles = identityFiles == null ? List.of() : List.copyOf(identityFiles);
            port = port <= 0 ? DEFAULT_PORT : port;
        }

        /** {@code user@host:port}, for messages. */
        public String display() {
            return user + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port);
        }
    }

    public SshSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no SSH host");
        }
        port = port <= 0 ? DEFAULT_PORT : port;
        user = user == null || user.isBlank() ? System.getProperty("user.name", "root") : user;
        identityFiles = identityFiles == null ? List.of() : List.copyOf(identityFiles);
        knownHosts = knownHosts == null ? defaultSshFolder().resolve("known_hosts") : knownHosts;
        jumpHosts = jumpHosts == null ? List.of() : List.copyOf(jumpHosts);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(15) : connectTimeout;
        keepAliveInterval = keepAliveInterval == null ? Duration.ofSeconds(15) : keepAliveInterval;
        keepAliveCountMax = keepAliveCountMax <= 0 ? 3 : keepAliveCountMax;
    }

    /** user, host, port; everything else the defaults. */
    public static SshSettings of(String user, String host, int port) {
        return new SshSettings(host, port, user, null, null, false, null, null, null, 0, true, null);
    }

    /**
     * {@code user@host}, {@code user@host:port}, {@code host}, {@code [v6addr]:port}: the CLI's
     * {@code --ssh} value when it is not a config alias.
     */
    public static SshSettings parse(String spec) throws SshFailure {
        Hop hop = parseHop(spec);
        return of(hop.user(), hop.host(), hop.port());
    }

    static Hop parseHop(String spec) throws SshFailure {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Not an SSH destination: '" + s + "' (use user@host or user@host:port)");
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        String host = s;
        int port = DEFAULT_PORT;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Not an SSH destination: '" + spec.strip() + "' (missing ])");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), spec);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1), spec);
        }
        if (host.isEmpty() || (user != null && user.isEmpty())) {
            throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Not an SSH destination: '" + spec.strip() + "' (use user@host or user@host:port)");
        }
        return new Hop(host, port, user == null ? System.getProperty("user.name", "root") : user, List.of());
    }

    private static int port(String text, String spec) throws SshFailure {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Not an SSH port: '" + text + "' in '" + spec.strip() + "'");
        }
    }

    /** {@code ~/.ssh}. */
    public static Path defaultSshFolder() {
        return Path.of(System.getProperty("user.home", "."), ".ssh");
    }

    /** {@code user@host} or {@code user@host:port}, for messages and the command listener. */
    public String display() {
        return user + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port);
    }

    /** The name known_hosts uses for this host: {@code host}, or {@code [host]:port} off port 22. */
    public String knownHostsName() {
        String h = host.toLowerCase(Locale.ROOT);
        return port == DEFAULT_PORT ? h : "[" + h + "]:" + port;
    }

    public Hop asHop() {
        return new Hop(host, port, user, identityFiles);
    }

    public SshSettings withIdentityFiles(List<Path> files) {
        return new SshSettings(host, port, user, files, knownHosts, acceptNewHostKey, jumpHosts, connectTimeout,
                keepAliveInterval, keepAliveCountMax, useAgent, agentSocket);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(host, port, user, identityFiles, file, acceptNewHostKey, jumpHosts, connectTimeout,
                keepAliveInterval, keepAliveCountMax, useAgent, agentSocket);
    }

    public SshSettings withAcceptNewHostKey(boolean accept) {
        return new SshSettings(host, port, user, identityFiles, knownHosts, accept, jumpHosts, connectTimeout,
                keepAliveInterval, keepAliveCountMax, useAgent, agentSocket);
    }

    public SshSettings withJumpHosts(List<Hop> hops) {
        return new SshSettings(host, port, user, identityFiles, knownHosts, acceptNewHostKey, hops, connectTimeout,
                keepAliveInterval, keepAliveCountMax, useAgent, agentSocket);
    }

    public SshSettings withTimeouts(Duration connect, Duration keepAlive, int countMax) {
        return new SshSettings(host, port, user, identityFiles, knownHosts, acceptNewHostKey, jumpHosts, connect,
                keepAlive, countMax, useAgent, agentSocket);
    }

    public SshSettings withAgent(boolean agent) {
        return new SshSettings(host, port, user, identityFiles, knownHosts, acceptNewHostKey, jumpHosts, connectTimeout,
                keepAliveInterval, keepAliveCountMax, agent, agentSocket);
    }

    /** The agent at {@code socket} (ssh config {@code IdentityAgent}) instead of {@code SSH_AUTH_SOCK}. */
    public SshSettings withAgentSocket(Path socket) {
        return new SshSettings(host, port, user, identityFiles, knownHosts, acceptNewHostKey, jumpHosts, connectTimeout,
                keepAliveInterval, keepAliveCountMax, useAgent, socket);
    }
}
