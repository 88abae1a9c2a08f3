package dbmedic.core.postgres;

import dbmedic.core.target.UnusableInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * One user's session with a live PostgreSQL target: the password is asked for (or read from
 * the URL, PGPASSWORD, the password file) once and kept until {@link #close}, so the backup,
 * the migration and the verification each connect without asking again. Connections are
 * either read-only (diagnosis, checksums) or for change (the mutation path only).
 */
public final class PgSession implements AutoCloseable {
    private final PostgresTarget target;
    private final PostgresOptions options;
    private PasswordSources.Credential credential;
    private boolean prompted;

    private PgSession(PostgresTarget target, PostgresOptions options) {
        this.target = target;
        this.options = options;
    }

    public static PgSession open(PostgresTarget target, PostgresOptions options) {
        return new PgSession(target, options);
    }

    public PostgresTarget target() {
        return target;
    }

    public PostgresOptions options() {
        return options;
    }

    /** A session whose every transaction is read-only; it cannot change the database. */
    public Connection readOnly(String purpose) throws UnusableInputException {
        Connection c = connect(purpose, true);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw ConnectFailures.unusable(e, target);
        }
    }

    /**
     * A session for the mutation path: no statement timeout (a conversion of many rows takes
     * long), but a lock timeout so it never waits behind a running Immich, and auto-commit on
     * so the caller opens its own transaction.
     */
    public Connection forChange(String purpose) throws UnusableInputException {
        return connect(purpose, false);
    }

    /** The password for a child process of this machine (pg_dump's PGPASSWORD); empty when none was needed. */
    public synchronized Optional<char[]> passwordForChildProcess() {
        return credential == null ? Optional.empty() : Optional.of(credential.password().clone());
    }

    private synchronized Connection connect(String purpose, boolean readOnly) throws UnusableInputException {
        if (credential == null && !prompted) {
            credential = new PasswordSources().first(target, options).orElse(null);
        }
        try {
            return open(purpose, readOnly);
        } catch (SQLException e) {
            if (ConnectFailures.passwordMissing(e) && credential == null && !prompted) {
                prompted = true;
                credential = new PasswordSources().prompt(target, options).orElse(null);
                if (credential != null) {
                    try {
                        return open(purpose, readOnly);
                    } catch (SQLException again) {
                        throw ConnectFailures.unusable(again, target);
                    }
                }
            }
            throw ConnectFailures.unusable(e, target);
        }
    }

    private Connection open(String purpose, boolean readOnly) throws SQLException {
        Properties p = PgConnector.properties(target, options, credential == null ? null : credential.password());
        p.setProperty("ApplicationName", "DB Medic (" + purpose + ")");
        if (!readOnly) {
            long seconds = Math.max(1, options.timeout().toSeconds());
            p.setProperty("socketTimeout", "0");
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("options", "-c statement_timeout=0 -c lock_timeout=" + seconds * 1000L
                    + " -c idle_in_transaction_session_timeout=0");
        }
        Connection c = java.sql.DriverManager.getConnection(PgConnector.jdbcUrl(target), p);
        p.remove("password");
        c.setAutoCommit(true);
        return c;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing was done on it.
        }
    }

    @Override
    public synchronized void close() {
        if (credential != null) {
            credential.clear();
            credential = null;
        }
    }
}
