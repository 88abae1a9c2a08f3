package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** Engine facts any app cares about: standby or read-only, the role's rights, other sessions. */
final class ServerChecks {
    private ServerChecks() {
    }

    static List<Finding> check(ServerFacts f, String appName, boolean appKnown) {
        List<Finding> out = new ArrayList<>();
        String app = appKnown ? appName : "The app";
        if (f.inRecovery()) {
            out.add(new Finding("postgres.replica", Severity.ERROR, f.database(),
                    "This server is a standby (in recovery): every transaction is read-only.",
                    "pg_is_in_recovery() = true; transaction_read_only = " + (f.transactionReadOnly() ? "on" : "off"),
                    app + " writes at start (migrations, version history), which fails on a standby with cannot execute "
                            + "INSERT in a read-only transaction (immich.md §7 #26).",
                    Fix.text("Point the app (DB_URL / DB_HOSTNAME) at the primary server. A standby cannot be made writable "
                            + "without promoting it (pg_ctl promote / SELECT pg_promote()), which ends replication.")));
        } else if (f.databaseDefaultReadOnly()) {
            out.add(new Finding("postgres.read-only", Severity.ERROR, f.database(),
                    "New transactions in " + f.database() + " are read-only (default_transaction_read_only = on).",
                    "default_transaction_read_only = on" + (f.databaseSettings().isEmpty() ? "" : "; database/role settings: "
                            + String.join("; ", f.databaseSettings())),
                    app + " cannot write: it fails with cannot execute <command> in a read-only transaction.",
                    new Fix("Turn it off where it was set (database, role or postgresql.conf); for a database setting, as its owner:",
                            List.of("ALTER DATABASE " + ImmichChecks.quoteIdent(f.database()) + " SET default_transaction_read_only = off;"))));
        }
        out.add(new Finding("postgres.role", Severity.INFO, f.user(),
                "Connected as " + f.user() + (f.superuser() ? " (superuser)." : " (not a superuser)."),
                "PostgreSQL " + f.serverVersion() + "; database " + f.database() + "; superuser=" + f.superuser()
                        + "; CREATE on database=" + f.createOnDatabase(),
                "Creating or updating an untrusted extension needs a superuser; other checks say when that matters.",
                Fix.text("Nothing to do.")));
        if (!f.otherSessions().isEmpty()) {
            List<String> rows = new ArrayList<>();
            for (ServerFacts.Session s : f.otherSessions()) {
                rows.add("pid " + s.pid() + " " + (s.user() == null ? "?" : s.user()) + " from " + (s.clientAddress() == null ? "local" : s.clientAddress())
                        + (s.application() == null || s.application().isEmpty() ? "" : " (" + s.application() + ")") + " " + (s.state() == null ? "" : s.state()));
            }
            out.add(new Finding("postgres.other-sessions", Severity.WARNING, f.database(),
                    f.otherSessions().size() + " other session(s) are connected to " + f.database() + ".",
                    String.join("; ", rows),
                    "The app (or another tool) is connected. Any migration, extension change or repair must run with the "
                            + "app stopped, or it races the app's own start-up migration.",
                    Fix.text("Stop the app (e.g. docker compose stop immich-server immich-microservices) before applying any fix; "
                            + "leave the database container running.")));
        }
        return out;
    }
}
