package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DB_URL} against the compose database service: host, database, user and sslmode.
 * The password is never shown (only {@link DbUrl#redacted()}).
 */
final class DbUrlChecks {

    private static final Set<String> SSL_REQUIRED = Set.of("require", "verify-ca", "verify-full", "no-verify");

    private DbUrlChecks() {
    }

    static Optional<Finding> check(DbUrl url, ComposeService db, ImmichSetup setup) {
        List<String> problems = new ArrayList<>();
        if (!db.answersTo(url.host())) {
            problems.add("the host `" + url.host() + "` is not the database service (reachable as `" + db.name() + "`"
                    + (db.containerName() == null ? "" : " or `" + db.containerName() + "`") + ")");
        }
        String pgDb = db.environment().get("POSTGRES_DB");
        if (pgDb != null && !pgDb.isBlank() && !url.database().isEmpty() && !url.database().equals(pgDb)) {
            problems.add("the database `" + url.database() + "` is not POSTGRES_DB `" + pgDb + "` of the database service");
        }
        String pgUser = db.environment().get("POSTGRES_USER");
        if (pgUser != null && !pgUser.isBlank() && url.user() != null && !url.user().equals(pgUser)) {
            problems.add("the user `" + url.user() + "` is not POSTGRES_USER `" + pgUser + "`");
        }
        String ssl = url.sslmode() == null ? null : url.sslmode().toLowerCase(Locale.ROOT);
        boolean imageWithoutSsl = db.image() != null && (DatabaseImage.parse(db.image()).known());
        if (ssl != null && SSL_REQUIRED.contains(ssl) && imageWithoutSsl && db.command().isEmpty()) {
            problems.add("sslmode=" + ssl + " requires SSL, but the database image runs with ssl = off unless "
                    + "configured (the connection fails: The server does not support SSL connections)");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Findings.of("compose.db-url-mismatch", Severity.WARNING, "DB_URL",
                "DB_URL does not fit the compose database service",
                "DB_URL " + url.redacted() + ": " + String.join("; ", problems),
                "When DB_URL is set Immich ignores DB_HOSTNAME, DB_PORT, DB_USERNAME, DB_PASSWORD and "
                        + "DB_DATABASE_NAME (docs install/environment-variables.md), so every part of the URL must "
                        + "match the database service. POSTGRES_DB and POSTGRES_USER only take effect when the data "
                        + "directory is first created.",
                "Correct DB_URL in .env (postgresql://<user>:<password>@" + db.name() + ":5432/<database>), or remove "
                        + "it and use DB_HOSTNAME/DB_USERNAME/DB_PASSWORD/DB_DATABASE_NAME; drop ?sslmode=require for "
                        + "the bundled database."));
    }
}
