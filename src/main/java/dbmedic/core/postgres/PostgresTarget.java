package dbmedic.core.postgres;

import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A live PostgreSQL database, as Immich's {@code DB_URL} names it. Holds no password: a
 * password written in the URL is kept aside as a one-shot credential
 * ({@link #takeUrlPassword()}), never part of equality, {@link #toString()} or
 * {@link #displayName()}.
 */
public final class PostgresTarget implements Target {
    public static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final Map<String, String> parameters;
    private char[] urlPassword;

    public PostgresTarget(String host, int port, String database, String user, Map<String, String> parameters) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = Objects.requireNonNull(user, "user");
        this.parameters = Map.copyOf(parameters == null ? Map.of() : new LinkedHashMap<>(parameters));
    }

    /**
     * Reads {@code postgresql://user:password@host:port/database?sslmode=...} (also
     * {@code postgres://}, {@code [::1]}, percent-encoding, no port → 5432, no database →
     * the user name as libpq does).
     *
     * @throws UnusableInputException one line that never repeats the URL (it may hold a password)
     */
    public static PostgresTarget parse(String url) throws UnusableInputException {
        return PostgresUrl.parse(url);
    }

    PostgresTarget withUrlPassword(char[] password) {
        PostgresTarget t = new PostgresTarget(host, port, database, user, parameters);
        t.urlPassword = password == null ? null : password.clone();
        return t;
    }

    /** The password the URL carried, once: later calls return empty. The caller clears the array after use. */
    public synchronized Optional<char[]> takeUrlPassword() {
        char[] p = urlPassword;
        urlPassword = null;
        return Optional.ofNullable(p);
    }

    /**
     * A copy of the URL's password, leaving it in place: the diagnosis, the backup and the
     * migration of one session each connect with it. The caller clears the copy after use.
     */
    public synchronized Optional<char[]> urlPasswordCopy() {
        return Optional.ofNullable(urlPassword).map(char[]::clone);
    }

    /** True while a URL password has not been taken yet. */
    public synchronized boolean hasUrlPassword() {
        return urlPassword != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** Query parameters other than the password, e.g. {@code sslmode}, {@code uselibpqcompat}. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The sslmode as written ({@code disable}, {@code prefer} (default), {@code require}, {@code no-verify}, {@code verify-full}...). */
    public String sslmode() {
        return parameters.getOrDefault("sslmode", "prefer");
    }

    /** Same database and role on another database (for "installed in another database" checks). */
    public PostgresTarget withDatabase(String otherDatabase) {
        return new PostgresTarget(host, port, otherDatabase, user, parameters);
    }

    @Override
    public String displayName() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String query = parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "postgresql://" + PostgresUrl.encode(user) + "@" + h + ":" + port + "/" + PostgresUrl.encode(database) + query;
    }

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public String toString() {
        return displayName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresTarget t && t.host.equals(host) && t.port == port && t.database.equals(database)
                && t.user.equals(user) && t.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user, parameters);
    }

    static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
