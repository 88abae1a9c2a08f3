package dbmedic.core.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens a pgjdbc connection that cannot hang and cannot write: connect, login and socket
 * timeouts, a server-side statement timeout, and the session made read-only before any
 * check runs. The password goes in the connection properties only, never in the URL.
 */
final class PgConnector {
    private PgConnector() {
    }

    static String jdbcUrl(PostgresTarget t) {
        String host = t.host().contains(":") ? "[" + t.host() + "]" : t.host();
        return "jdbc:postgresql://" + host + ":" + t.port() + "/" + PostgresUrl.encode(t.database());
    }

    static Properties properties(PostgresTarget t, PostgresOptions o, char[] password) {
        Properties p = new Properties();
        p.setProperty("user", t.user());
        if (password != null) {
            p.setProperty("password", new String(password));
        }
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, o.timeout().toSeconds()));
        p.setProperty("connectTimeout", Integer.toString(seconds));
        p.setProperty("loginTimeout", Integer.toString(seconds));
        // Socket timeout above the statement timeout, so the server's own cancel arrives first.
        p.setProperty("socketTimeout", Integer.toString(seconds * 2 + 5));
        p.setProperty("options", "-c statement_timeout=" + seconds * 1000L + " -c lock_timeout=" + seconds * 1000L
                + " -c idle_in_transaction_session_timeout=" + seconds * 4000L);
        p.setProperty("ApplicationName", "DB Medic (read-only diagnosis)");
        // No readOnly property here: pgjdbc would make the session read-only before DB Medic can
        // read the database's own default_transaction_read_only; open() does it right after.
        // No Kerberos probing: it can stall on machines with a half-configured krb5.
        p.setProperty("gssEncMode", "disable");
        sslProperties(t, p);
        tunnelProperties(o, p);
        return p;
    }

    /**
     * Through an SSH tunnel every socket connects to the tunnel's local end, while the URL keeps
     * the real host: pgjdbc verifies the certificate against that host (verify-full), not 127.0.0.1.
     */
    static void tunnelProperties(PostgresOptions o, Properties p) {
        if (o.tunnel() != null) {
            p.setProperty("socketFactory", TunnelSocketFactory.class.getName());
            p.setProperty("socketFactoryArg", o.tunnel().socketFactoryArg());
        }
    }

    /** Immich's sslmode forms mapped to pgjdbc's (immich.md §9). */
    static void sslProperties(PostgresTarget t, Properties p) {
        String mode = t.sslmode();
        boolean libpqCompat = "true".equalsIgnoreCase(t.parameters().getOrDefault("uselibpqcompat", ""));
        switch (mode) {
            case "no-verify" -> {
                p.setProperty("sslmode", "require");
                p.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
            }
            case "require" -> {
                p.setProperty("sslmode", "require");
                if (libpqCompat) {
                    p.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
                }
            }
            default -> p.setProperty("sslmode", mode);
        }
        // libpq's sslrootcert, so verify-ca/verify-full can name the CA that signed the server's certificate.
        String root = t.parameters().get("sslrootcert");
        if (root != null && !root.isBlank()) {
            p.setProperty("sslrootcert", root);
        }
    }

    /**
     * Connects and makes the session read-only. Returns the database's own
     * {@code default_transaction_read_only} as it was before DB Medic changed it for its session.
     */
    static Opened open(PostgresTarget t, PostgresOptions o, char[] password) throws SQLException {
        Properties props = properties(t, o, password);
        Connection c = DriverManager.getConnection(jdbcUrl(t), props);
        props.remove("password");
        try {
            c.setAutoCommit(true);
            String before;
            String txBefore;
            try (Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT current_setting('default_transaction_read_only'), "
                         + "current_setting('transaction_read_only')")) {
                rs.next();
                before = rs.getString(1);
                txBefore = rs.getString(2);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            c.setReadOnly(true);
            return new Opened(c, "on".equals(before), "on".equals(txBefore));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    record Opened(Connection connection, boolean databaseDefaultReadOnly, boolean transactionReadOnly) {
    }
}
