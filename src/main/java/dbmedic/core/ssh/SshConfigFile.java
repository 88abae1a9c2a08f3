package dbmedic.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's {@code ~/.ssh/config}, read the way OpenSSH reads it for the keywords DB Medic
 * uses: Host (patterns with {@code *}, {@code ?}, {@code !negation}), HostName, User, Port,
 * IdentityFile, ProxyJump, IdentityAgent; the first value obtained wins (IdentityFile accumulates). JSch's own
 * parser does not know ProxyJump, so this one does it all. Match blocks are skipped (they
 * never apply), Include is not followed.
 */
public final class SshConfigFile {
    private static final Set<String> KEYWORDS = Set.of("hostname", "user", "port", "identityfile", "proxyjump", "identityagent");

    /** One Host block: its patterns and its settings in file order. */
    private record Block(List<String> patterns, List<Map.Entry<String, String>> entries) {
        boolean matches(String alias) {
            boolean positive = false;
            for (String p : patterns) {
                boolean negated = p.startsWith("!");
                if (glob(negated ? p.substring(1) : p, alias)) {
                    if (negated) {
                        return false;
                    }
                    positive = true;
                }
            }
            return positive;
        }
    }

    private final Path file;
    private final List<Block> blocks;

    private SshConfigFile(Path file, List<Block> blocks) {
        this.file = file;
        this.blocks = blocks;
    }

    /** Reads {@code file}; a missing file is an empty config. */
    public static SshConfigFile read(Path file) throws SshFailure {
        if (file == null || !Files.isRegularFile(file)) {
            return new SshConfigFile(file, List.of());
        }
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Cannot read the ssh config file " + file + ": " + e.getMessage(), e);
        }
    }

    static SshConfigFile parse(Path file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        Block current = new Block(List.of("*"), new ArrayList<>());
        blocks.add(current);
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = splitKeyword(line);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv[1];
            if (key.equals("host")) {
                current = new Block(words(value), new ArrayList<>());
                blocks.add(current);
            } else if (key.equals("match")) {
                current = new Block(List.of(), new ArrayList<>()); // never matches
                blocks.add(current);
            } else if (KEYWORDS.contains(key)) {
                current.entries().add(Map.entry(key, unquote(value)));
            }
        }
        return new SshConfigFile(file, blocks);
    }

    private static String[] splitKeyword(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String key = line.substring(0, i);
        String rest = line.substring(i).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        return new String[] {key, rest};
    }

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        for (String w : value.split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(unquote(w));
            }
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** OpenSSH's pattern match: {@code *} any run, {@code ?} one character, case-insensitive. */
    static boolean glob(String pattern, String text) {
        return glob(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean glob(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (glob(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length() || (c != '?' && c != t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /** {@code ~/.ssh/config}. */
    public static Path defaultFile() {
        return SshSettings.defaultSshFolder().resolve("config");
    }

    /** The Host names without wildcards or negation, in file order: the wizard's list. */
    public List<String> hosts() {
        Set<String> out = new LinkedHashSet<>();
        for (Block b : blocks) {
            for (String p : b.patterns()) {
                if (!p.contains("*") && !p.contains("?") && !p.startsWith("!")) {
                    out.add(p);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether {@code alias} is named by a Host line without wildcards. */
    public boolean defines(String alias) {
        return hosts().stream().anyMatch(h -> h.equalsIgnoreCase(alias));
    }

    /**
     * The settings for {@code destination} ({@code alias}, {@code user@alias}, {@code alias:port}):
     * HostName, User, Port, IdentityFile and ProxyJump applied (each jump host resolved through
     * this file too). Values given in {@code destination} beat the file's, as with {@code ssh}.
     */
    public SshSettings settings(String destination) throws SshFailure {
        SshSettings.Hop given = SshSettings.parseHop(destination);
        boolean userGiven = destination.strip().contains("@");
        boolean portGiven = given.port() != SshSettings.DEFAULT_PORT || destination.strip().matches(".*:\\d+$");
        Resolved r = resolve(given.host());
        String user = userGiven ? given.user() : r.user();
        int port = portGiven ? given.port() : r.port();
        List<SshSettings.Hop> jumps = new ArrayList<>();
        String proxy = r.values().get("proxyjump");
        if (proxy != null && !proxy.equalsIgnoreCase("none")) {
            for (String j : proxy.split(",")) {
                SshSettings.Hop hop = SshSettings.parseHop(j.strip());
                Resolved jr = resolve(hop.host());
                boolean ju = j.contains("@");
                boolean jp = j.strip().matches(".*:\\d+$");
                jumps.add(new SshSettings.Hop(jr.hostName(), jp ? hop.port() : jr.port(), ju ? hop.user() : jr.user(),
                        jr.identityFiles()));
            }
        }
        SshSettings s = SshSettings.of(user, r.hostName(), port).withIdentityFiles(r.identityFiles()).withJumpHosts(jumps);
        String agent = r.values().get("identityagent");
        if (agent == null || agent.equals("SSH_AUTH_SOCK")) {
            return s;
        }
        // "none" turns the agent off, as in OpenSSH; anything else is the agent's socket.
        return agent.equalsIgnoreCase("none") ? s.withAgent(false)
                : s.withAgentSocket(Path.of(expand(agent.replaceAll("^\"|\"$", ""), r.hostName(), user)));
    }

    /** {@link #settings} when the config file names it with a Host line; empty otherwise. */
    public Optional<SshSettings> find(String destination) throws SshFailure {
        SshSettings.Hop given = SshSettings.parseHop(destination);
        return defines(given.host()) ? Optional.of(settings(destination)) : Optional.empty();
    }

    private record Resolved(String hostName, String user, int port, List<Path> identityFiles, Map<String, String> values) {
    }

    private Resolved resolve(String alias) throws SshFailure {
        Map<String, String> first = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        for (Block b : blocks) {
            if (!b.matches(alias)) {
                continue;
            }
            for (Map.Entry<String, String> e : b.entries()) {
                if (e.getKey().equals("identityfile")) {
                    identities.add(e.getValue());
                } else {
                    first.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        String localUser = System.getProperty("user.name", "root");
        String hostName = first.containsKey("hostname") ? expand(first.get("hostname"), alias, null) : alias;
        String user = first.getOrDefault("user", localUser);
        int port = SshSettings.DEFAULT_PORT;
        if (first.containsKey("port")) {
            try {
                port = Integer.parseInt(first.get("port"));
            } catch (NumberFormatException e) {
                throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Bad Port '" + first.get("port") + "' for Host " + alias
                        + " in " + file);
            }
        }
        List<Path> files = new ArrayList<>();
        for (String id : identities) {
            files.add(Path.of(expand(id, hostName, user)));
        }
        return new Resolved(hostName, user, port, files, first);
    }

    /** {@code ~}, {@code %d} home, {@code %h} host, {@code %r} remote user, {@code %u} local user, {@code %%}. */
    private static String expand(String value, String host, String remoteUser) {
        String home = System.getProperty("user.home", ".");
        String v = value.startsWith("~/") || value.equals("~") ? home + value.substring(1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                switch (n) {
                    case 'd' -> out.append(home);
                    case 'h' -> out.append(host);
                    case 'r' -> out.append(remoteUser == null ? "" : remoteUser);
                    case 'u' -> out.append(System.getProperty("user.name", ""));
                    case '%' -> out.append('%');
                    default -> out.append('%').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
