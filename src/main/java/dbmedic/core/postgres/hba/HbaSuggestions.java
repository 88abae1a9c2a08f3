package dbmedic.core.postgres.hba;

import java.util.Set;

/**
 * Lines to add when a connection has no pg_hba.conf entry. Because nothing matched, a line
 * appended at the end of the file is the first (and only) match: it cannot be shadowed.
 */
public final class HbaSuggestions {

    private HbaSuggestions() {
    }

    private static final Set<String> DB_KEYWORDS = Set.of("all", "sameuser", "samerole", "samegroup", "replication");

    /**
     * The method the official Docker image writes: {@code POSTGRES_HOST_AUTH_METHOD} if set,
     * else the server's {@code password_encryption}, else its default ({@code scram-sha-256}
     * from 14, {@code md5} before).
     */
    public static String dockerMethod(int major, String hostAuthMethod, String passwordEncryption) {
        if (hostAuthMethod != null && !hostAuthMethod.isBlank()) {
            return hostAuthMethod.strip();
        }
        if (passwordEncryption != null && !passwordEncryption.isBlank()) {
            String p = passwordEncryption.strip();
            // Before 14 password_encryption was a boolean-ish "on" meaning md5.
            return p.equals("on") || p.equals("true") ? "md5" : p;
        }
        return major >= 14 ? "scram-sha-256" : "md5";
    }

    /** The line the official image appends on first start: {@code host all all all <method>}. */
    public static String dockerDefaultLine(String method) {
        return "host all all all " + method;
    }

    /**
     * A narrower line for this client: its database and user and its subnet, e.g.
     * {@code host immich immich 172.18.0.0/16 scram-sha-256}; {@code replication} as the
     * database for physical replication; a {@code local} line for socket connections.
     */
    public static String narrowLine(ConnectionRequest req, int prefixLength, String method, int major) {
        String db = req.replication() == Replication.PHYSICAL ? "replication" : quoteDatabase(req.database(), major);
        String user = quoteUser(req.user(), major);
        if (req.isLocal()) {
            return "local " + db + " " + user + " " + method;
        }
        String type = req.gssEncryption() ? "hostgssenc" : req.ssl() ? "hostssl" : "host";
        return type + " " + db + " " + user + " " + req.client().network(prefixLength) + "/" + prefixLength + " " + method;
    }

    /** {@link #narrowLine(ConnectionRequest, int, String, int)} with {@link #defaultPrefix(IpAddress)}. */
    public static String narrowLine(ConnectionRequest req, String method, int major) {
        return narrowLine(req, req.isLocal() ? 0 : defaultPrefix(req.client()), method, major);
    }

    /**
     * A guess at the client's subnet when nothing better is known: /16 for Docker's default
     * bridge pools (172.16.0.0/12) and 10.0.0.0/8, /24 for other IPv4, /64 for IPv6.
     */
    public static int defaultPrefix(IpAddress client) {
        if (client.isIpv6()) {
            return 64;
        }
        byte[] b = client.bytes();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31)) {
            return 16;
        }
        return 24;
    }

    static String quoteDatabase(String name, int major) {
        if (major >= 16 && name.startsWith("/")) {
            return literalRegex(name);
        }
        return needsQuotes(name) || DB_KEYWORDS.contains(name) ? quote(name) : name;
    }

    static String quoteUser(String name, int major) {
        if (major >= 16 && name.startsWith("/")) {
            return literalRegex(name);
        }
        return needsQuotes(name) || name.equals("all") || name.startsWith("+") ? quote(name) : name;
    }

    /**
     * From 16 a value starting with "/" is always a regular expression, even quoted, so such a
     * name can only be written as an anchored expression matching exactly it. Every character
     * that is not a letter or digit is escaped, which means itself in both ARE and Java.
     */
    private static String literalRegex(String name) {
        StringBuilder re = new StringBuilder("/^");
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                re.append('\\');
            }
            re.append(c);
        }
        return quote(re.append('$').toString());
    }

    private static boolean needsQuotes(String name) {
        if (name.isEmpty() || name.startsWith("@")) {
            return true;
        }
        for (char c : name.toCharArray()) {
            if (HbaTokenizer.isBlank(c) || c == ',' || c == '"' || c == '#' || c == '\\' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
