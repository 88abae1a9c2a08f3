package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.postgres.hba.ConnectionRequest;
import dbmedic.core.postgres.hba.HbaFile;
import dbmedic.core.postgres.hba.HbaFileParser;
import dbmedic.core.postgres.hba.HbaMatcher;
import dbmedic.core.postgres.hba.HbaOptions;
import dbmedic.core.postgres.hba.HbaSuggestions;
import dbmedic.core.postgres.hba.IpAddress;
import dbmedic.core.postgres.hba.MatchResult;
import dbmedic.core.postgres.hba.RoleMemberships;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Would the app get in from its own address? Reads the live pg_hba.conf (and includes) through
 * the server when the role may, and runs PostgreSQL's matching for the client address the
 * user gave (Docker bridge by default). Without the rights it says so instead of guessing.
 */
final class HbaLiveCheck {
    private static final Set<String> SSL_MODES = Set.of("require", "no-verify", "verify-ca", "verify-full");

    private HbaLiveCheck() {
    }

    static Finding check(PgQuery q, ServerFacts f, PostgresTarget target, String clientAddress) {
        if (IpAddress.tryParse(clientAddress).isEmpty()) {
            return notChecked(f, clientAddress + " is not an IP address");
        }
        int ruleCount;
        try {
            String columns = f.major() >= 16 ? "rule_number, file_name, line_number" : "line_number";
            ruleCount = q.rows("SELECT " + columns + ", error FROM pg_hba_file_rules").size();
        } catch (SQLException e) {
            return notChecked(f, "role " + f.user() + " may not read pg_hba_file_rules (" + ConnectFailures.serverText(e) + ")");
        }
        HbaFile file;
        String hbaPath;
        try {
            hbaPath = q.text("SHOW hba_file").orElseThrow();
            file = new HbaFileParser(new LiveServerFiles(q), new HbaOptions(f.major(), f.ssl(), true)).parse(hbaPath);
        } catch (SQLException | IOException | RuntimeException e) {
            return notChecked(f, "pg_hba.conf could not be read through the server (" + e.getMessage() + "); "
                    + ruleCount + " rows in pg_hba_file_rules");
        }
        boolean ssl = SSL_MODES.contains(target.sslmode()) || (!target.sslmode().equals("disable") && f.ssl());
        ConnectionRequest req = ConnectionRequest.tcp(clientAddress, f.database(), f.user()).withSsl(ssl);
        try {
            req = req.withRoles(roles(q));
        } catch (SQLException e) {
            // +group lines then match nobody; the finding still names the rule that did match.
        }
        MatchResult m = HbaMatcher.match(file, req);
        String method = HbaSuggestions.dockerMethod(f.major(), null, f.passwordEncryption());
        if (m.matched() && !m.rejected()) {
            var r = m.rule().get();
            return new Finding("postgres.hba-rule", Severity.OK, clientAddress,
                    "pg_hba.conf lets " + f.user() + " connect to " + f.database() + " from " + clientAddress + " (" + r.authMethod() + ").",
                    r.where() + ": " + r.rawLine().strip(),
                    "The first matching line decides; this one admits the connection.", Fix.text("Nothing to do."));
        }
        String evidence = m.rejected() ? m.rule().get().where() + ": " + m.rule().get().rawLine().strip()
                : m.noEntryMessage().orElse("no pg_hba.conf entry");
        List<String> lines = m.rejected() ? List.of(HbaSuggestions.narrowLine(req, method, f.major())) : m.suggestedLines(method);
        return new Finding("postgres.no-hba-entry", Severity.ERROR, clientAddress,
                (m.rejected() ? "A reject line in pg_hba.conf refuses " : "pg_hba.conf has no line for ") + f.user() + " to "
                        + f.database() + " from " + clientAddress + (m.rejected() ? "." : "; the app would be refused."),
                evidence + (file.loadable() ? "" : " (the file has errors: the server keeps its previously loaded rules)"),
                "PostgreSQL uses the first line matching connection type, database, user and client address; "
                        + (m.rejected() ? "that line is reject." : "none matches, so it refuses: " + m.noEntryMessage().orElse("") + ".")
                        + " A data directory from pg_upgrade or initdb lacks the `host all all all " + method
                        + "` line the official Docker image adds (truenas/apps#4628).",
                new Fix((m.rejected() ? "Put this line above the reject line" : "Add to the end of " + hbaPath)
                        + ", then reload (or restart the container): " + String.join("  or  ", lines.stream().map(l -> "`" + l + "`").toList()),
                        List.of("SELECT pg_reload_conf();")));
    }

    private static RoleMemberships roles(PgQuery q) throws SQLException {
        RoleMemberships roles = RoleMemberships.known();
        for (Map<String, Object> r : q.rows("SELECT rolname FROM pg_roles")) {
            roles = roles.role(PgQuery.str(r, "rolname"));
        }
        for (Map<String, Object> r : q.rows("SELECT g.rolname AS grp, m.rolname AS member FROM pg_auth_members a "
                + "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member")) {
            roles = roles.grant(PgQuery.str(r, "grp"), PgQuery.str(r, "member"));
        }
        return roles;
    }

    private static Finding notChecked(ServerFacts f, String why) {
        return new Finding("postgres.hba-not-checked", Severity.INFO, "pg_hba.conf",
                "pg_hba.conf was not checked for the app's address.", why,
                "pg_hba_file_rules and the server's files are readable only by superusers (or roles granted "
                        + "pg_read_server_files / SELECT on the view).",
                Fix.text("Diagnose again with a superuser URL, or diagnose a copy of the data directory (its pg_hba.conf) offline."));
    }
}
