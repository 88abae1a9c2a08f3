package dbmedic.core.postgres;

import dbmedic.core.target.UnusableInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the URL forms Immich documents for {@code DB_URL} (immich.md §9). Error messages
 * name the part that is wrong but never quote the input: an unencoded '/' or '@' in a
 * password shifts every later part, so any quoted piece could be part of the password.
 */
final class PostgresUrl {
    private static final String FORM = "expected postgresql://user[:password]@host[:port]/database[?sslmode=...]";
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full",
            "no-verify");

    private PostgresUrl() {
    }

    static PostgresTarget parse(String url) throws UnusableInputException {
        if (url == null || url.isBlank()) {
            throw bad("the URL is empty");
        }
        String s = url.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("postgresql://")) {
            rest = s.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = s.substring("postgres://".length());
        } else {
            throw bad("it does not start with postgresql:// or postgres://");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";

        String user = null;
        char[] password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String userPart = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            user = decode(userPart, "user name");
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1), "password").toCharArray();
            }
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw bad("an IPv6 host is missing its closing ']'");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad("unexpected text after the IPv6 host");
                }
                portText = after.substring(1);
            }
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?")) {
                throw bad("the IPv6 host is not an IPv6 address");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                portText = authority.substring(colon + 1);
                authority = authority.substring(0, colon);
            }
            host = decode(authority, "host");
        }
        if (host.isEmpty()) {
            // libpq would use a Unix socket; DB Medic connects over TCP only.
            host = "localhost";
        }
        if (!host.matches("[A-Za-z0-9._:%-]+")) {
            throw bad("the host name contains characters a host name cannot have");
        }
        int port = PostgresTarget.DEFAULT_PORT;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.matches("\\d{1,5}")) {
                throw bad("the port is not a number");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw bad("the port is not between 1 and 65535");
            }
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("/")) {
            throw bad("the path has more than a database name");
        }
        String database = decode(path, "database name");

        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, "query parameter");
            String value = eq >= 0 ? decode(pair.substring(eq + 1), "query parameter") : "";
            switch (key) {
                case "password" -> {
                    PostgresTarget.clear(password);
                    password = value.toCharArray();
                }
                case "user" -> user = value;
                case "host" -> host = value;
                case "port" -> {
                    if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                        throw bad("the port parameter is not a port number");
                    }
                    port = Integer.parseInt(value);
                }
                case "dbname" -> database = value;
                // Later values win, as with ?sslmode=require&sslmode=no-verify in Immich's docs.
                default -> params.put(key, value);
            }
        }
        String sslmode = params.get("sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw bad("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, no-verify");
        }
        if (user == null || user.isEmpty()) {
            // libpq's default: the operating-system user name.
            user = System.getProperty("user.name", "postgres");
        }
        if (database.isEmpty()) {
            database = user;
        }
        PostgresTarget target = new PostgresTarget(host, port, database, user, params);
        if (password != null) {
            PostgresTarget withPassword = target.withUrlPassword(password);
            PostgresTarget.clear(password);
            return withPassword;
        }
        return target;
    }

    private static String decode(String text, String part) throws UnusableInputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw bad("the " + part + " has a broken %-escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad("the " + part + " has a broken %-escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    b = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes what a URL's user or database part cannot hold as is. */
    static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static UnusableInputException bad(String why) {
        return new UnusableInputException("Not a usable PostgreSQL URL: " + why + " (" + FORM + ").");
    }
}
