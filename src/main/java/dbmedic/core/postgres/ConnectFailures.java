package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.UnusableInputException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.postgresql.util.PSQLException;

/**
 * Turns a failed connection into a finding the user can act on (pg_hba, password, database
 * name, SSL) or into one line for input that cannot be used at all (host unreachable). The
 * server's own text is quoted as evidence; pgjdbc's stack traces never reach the user.
 */
final class ConnectFailures {
    private static final Pattern NO_HBA = Pattern.compile(
            "no pg_hba\\.conf entry for host \"([^\"]*)\", user \"([^\"]*)\", database \"([^\"]*)\", ([a-zA-Z ]+)");

    private ConnectFailures() {
    }

    /** pgjdbc's "the server asked for a password and none was given". */
    static boolean passwordMissing(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no password was provided");
    }

    static Finding toFinding(SQLException e, PostgresTarget t, String passwordOrigin) throws UnusableInputException {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = serverText(e);
        String where = t.host() + ":" + t.port();
        if (state.equals("28000") && server.contains("pg_hba.conf")) {
            return noHbaEntry(server, t);
        }
        if (state.equals("28P01")) {
            return new Finding("postgres.password-failed", Severity.ERROR, t.user(),
                    "PostgreSQL refused the password for user " + t.user() + ".",
                    server + (passwordOrigin == null ? "" : " (password taken from " + passwordOrigin + ")"),
                    "The password does not match the role's password on this server, or the role does not exist. "
                            + "The server deliberately gives the same message for both.",
                    Fix.text("Use the password from Immich's .env (DB_PASSWORD) or DB_URL. If it was changed only in .env "
                            + "after the database was created, the database still has the old one: the official image sets "
                            + "the password only on first initialisation. A superuser can set it: ALTER ROLE \"" + t.user()
                            + "\" WITH PASSWORD '...';"));
        }
        if (passwordMissing(e)) {
            return new Finding("postgres.password-failed", Severity.ERROR, t.user(),
                    "The server wants a password for user " + t.user() + " and none was given.",
                    String.valueOf(e.getMessage()),
                    "No password in the URL, no PGPASSWORD, no matching ~/.pgpass line, and no prompt answered.",
                    Fix.text("Give the password: in the URL (postgresql://user:password@host/db), in PGPASSWORD, in a "
                            + "~/.pgpass line host:port:database:user:password (chmod 600), or at the prompt."));
        }
        if (state.equals("3D000")) {
            return new Finding("postgres.database-missing", Severity.ERROR, t.database(),
                    "The database " + t.database() + " does not exist on " + where + ".",
                    server,
                    "The server is reachable and let the user in, but has no database of that name: a typo in DB_URL or "
                            + "DB_DATABASE_NAME, a fresh data directory (a new volume or DB_DATA_LOCATION), or the wrong server.",
                    new Fix("Check the database name Immich uses (DB_DATABASE_NAME, default immich) and the data "
                            + "directory the container mounts. Only for a new install, a superuser creates it:",
                            List.of("CREATE DATABASE \"" + t.database().replace("\"", "\"\"") + "\" OWNER \""
                                    + t.user().replace("\"", "\"\"") + "\";")));
        }
        if (isSsl(e)) {
            return sslFinding(e, t);
        }
        throw unusable(e, t);
    }

    private static Finding noHbaEntry(String server, PostgresTarget t) {
        Matcher m = NO_HBA.matcher(server);
        String host = m.find() ? m.group(1) : null;
        String encryption = host != null ? m.group(4) : "";
        String method = "scram-sha-256";
        String narrow = host == null ? null : "host " + quote(t.database()) + " " + quote(t.user()) + " "
                + host + (host.contains(":") ? "/128" : "/32") + " " + method;
        String fix = "Add a line to pg_hba.conf (in the data directory; `SHOW hba_file;` as superuser says where), then "
                + "reload: SELECT pg_reload_conf(); or restart the container. The official Docker image writes "
                + "`host all all all " + method + "` on first start; a data directory made by pg_upgrade or initdb lacks it."
                + (narrow == null ? "" : " A narrower line for just this client: `" + narrow + "`.")
                + ("SSL encryption".equals(encryption) ? "" : " If the server only has hostssl lines, connect with ?sslmode=require instead.");
        return new Finding("postgres.no-hba-entry", Severity.ERROR, host == null ? t.host() : host,
                "pg_hba.conf has no line that lets " + t.user() + " connect to " + t.database()
                        + (host == null ? "" : " from " + host) + ".",
                server,
                "PostgreSQL checks pg_hba.conf top to bottom for a line matching the connection type, database, user and "
                        + "client address; none matched, so it refused before asking for a password. Common after a major "
                        + "upgrade or a fresh initdb (truenas/apps#4628, immich#9175).",
                new Fix(fix, List.of("SELECT pg_reload_conf();")));
    }

    private static Finding sslFinding(SQLException e, PostgresTarget t) {
        String text = String.valueOf(e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        String cause;
        String fix;
        if (lower.contains("does not support ssl")) {
            cause = "sslmode=" + t.sslmode() + " requires SSL, but the server has ssl = off.";
            fix = "Drop sslmode=require from the URL (the official Immich database image has no SSL), or turn ssl on in "
                    + "postgresql.conf with a certificate.";
        } else {
            cause = "The server's certificate could not be verified (sslmode=" + t.sslmode()
                    + "): self-signed, another host name, or no root certificate here.";
            fix = "To keep encryption without checking the certificate, use ?sslmode=require&uselibpqcompat=true (as "
                    + "Immich's docs say) or ?sslmode=no-verify. For verify-full, put the server's CA in ~/.postgresql/root.crt.";
        }
        return new Finding("postgres.ssl-mismatch", Severity.ERROR, "sslmode=" + t.sslmode(),
                "The SSL settings of the URL and the server do not fit.", firstLine(text), cause, Fix.text(fix));
    }

    private static boolean isSsl(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("ssl") || m.contains("certificate") || m.contains("hostnameverifier")) {
            return true;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    static UnusableInputException unusable(SQLException e, PostgresTarget t) {
        String where = t.host() + ":" + t.port();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return new UnusableInputException("Cannot reach PostgreSQL at " + where + ": the host name " + t.host()
                        + " is unknown here (a compose service name such as 'database' only resolves inside Docker's network).", e);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return new UnusableInputException("Cannot reach PostgreSQL at " + where
                        + ": connection refused (is the server running, listening on that address, and is the port published?).", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new UnusableInputException("Cannot reach PostgreSQL at " + where
                        + ": no answer within the timeout (a firewall, or the wrong address).", e);
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = serverText(e);
        if (state.equals("57P03") || state.equals("53300")) {
            return new UnusableInputException("PostgreSQL at " + where + " is not accepting connections now: " + server, e);
        }
        return new UnusableInputException("Cannot connect to PostgreSQL at " + where + ": " + firstLine(server), e);
    }

    /** The server's own message when it sent one (e.g. {@code no pg_hba.conf entry ...}), else pgjdbc's. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String quote(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") && !name.equals("all") && !name.equals("replication")
                && !name.equals("sameuser") && !name.equals("samerole") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
