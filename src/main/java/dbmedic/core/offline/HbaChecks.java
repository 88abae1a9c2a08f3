package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.postgres.conf.DataDirectoryConfig;
import dbmedic.core.postgres.conf.ServerFiles;
import dbmedic.core.postgres.conf.ServerPaths;
import dbmedic.core.postgres.hba.ConnectionRequest;
import dbmedic.core.postgres.hba.HbaFile;
import dbmedic.core.postgres.hba.HbaFileParser;
import dbmedic.core.postgres.hba.HbaMatcher;
import dbmedic.core.postgres.hba.HbaMessages;
import dbmedic.core.postgres.hba.HbaOptions;
import dbmedic.core.postgres.hba.HbaProblem;
import dbmedic.core.postgres.hba.HbaRule;
import dbmedic.core.postgres.hba.HbaSuggestions;
import dbmedic.core.postgres.hba.IpAddress;
import dbmedic.core.postgres.hba.MatchResult;
import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * pg_hba.conf of a data directory, with the server's matching for the connection Immich makes
 * (immich.md §7 #19): the rule it gets, or "no entry" and the line to add.
 */
final class HbaChecks {

    private static final Set<String> TRUE = Set.of("on", "true", "yes", "1");

    private HbaChecks() {
    }

    static List<Finding> check(DataDirectoryConfig c, ServerFiles files, OfflineOptions o)
            throws IOException, UnusableInputException {
        if (IpAddress.tryParse(o.clientAddress()).isEmpty()) {
            throw new UnusableInputException("Client address \"" + o.clientAddress()
                    + "\" is not an IP address (e.g. 172.18.0.3).");
        }
        List<Finding> out = new ArrayList<>();
        int major = c.pgVersion().orElseThrow().major();
        String hbaPath = c.value("hba_file").map(p -> ServerPaths.isAbsolute(p) ? p : c.dataDirectory() + "/" + p)
                .map(ServerPaths::canonicalize).orElse(c.dataDirectory() + "/pg_hba.conf");
        if (!DataDirectoryChecks.insideCopy(c, hbaPath)) {
            out.add(Findings.of("postgres.hba-outside-copy", Severity.INFO, hbaPath,
                    "pg_hba.conf is outside the data directory (" + hbaPath + ") and was not checked",
                    "hba_file = '" + hbaPath + "'",
                    "Debian-style clusters and some images keep pg_hba.conf elsewhere.",
                    "Diagnose the server live, or copy that file into the folder you point DB Medic at."));
            return out;
        }
        boolean ssl = c.value("ssl").map(v -> TRUE.contains(v.strip().toLowerCase(Locale.ROOT))).orElse(false);
        HbaFile hba = new HbaFileParser(files, HbaOptions.docker(major).withSsl(ssl)).parse(hbaPath);
        for (HbaProblem p : hba.errors()) {
            out.add(Findings.of("postgres.hba-invalid", Severity.ERROR, p.file() + ":" + p.line(),
                    "PostgreSQL would refuse to start: pg_hba.conf cannot be loaded",
                    p.message() + " (" + p.context() + ")",
                    "The server stops at start with FATAL: " + hba.startFailureMessage()
                            + " when any pg_hba.conf line is invalid (on reload it keeps the old rules).",
                    "Fix or remove the named line; the format is: host <database> <user> <address> <method>."));
        }
        ConnectionRequest req = ConnectionRequest.tcp(o.clientAddress(), o.database(), o.user());
        MatchResult m = HbaMatcher.match(hba, req);
        String who = "host " + o.clientAddress() + ", database " + o.database() + ", user " + o.user() + ", no SSL";
        if (m.rule().isPresent()) {
            HbaRule r = m.rule().get();
            boolean reject = m.rejected();
            out.add(Findings.of(reject ? "postgres.no-hba-entry" : "postgres.hba-rule", reject ? Severity.ERROR : Severity.OK,
                    r.file() + ":" + r.line(),
                    reject ? "pg_hba.conf rejects Immich's connection (" + who + ")"
                            : "pg_hba.conf lets Immich's connection in with " + r.authMethod(),
                    HbaMessages.matchedRuleDetail(r, major),
                    "PostgreSQL uses the first line that matches connection type, database, user and address.",
                    reject ? "Put an allowing line for this client above " + r.where()
                            + ", e.g. " + HbaSuggestions.dockerDefaultLine(method(c, major)) : "Nothing to do."));
        } else {
            String method = method(c, major);
            List<String> lines = m.suggestedLines(method);
            out.add(Findings.of("postgres.no-hba-entry", Severity.ERROR, hbaPath,
                    "No pg_hba.conf line lets Immich connect (" + who + ")",
                    m.noEntryMessage().orElse("") + "; " + hba.rules().size() + " rules read from " + hbaPath,
                    "The official image appends `" + HbaSuggestions.dockerDefaultLine(method) + "` on first start; a "
                            + "pg_upgrade or a fresh initdb writes pg_hba.conf without it (truenas/apps#4628, "
                            + "immich#9175). Immich then fails with: " + m.noEntryMessage().orElse(""),
                    "Add this line at the end of " + hbaPath + " (or copy the old pg_hba.conf back), then restart "
                            + "or reload the server: " + lines.get(0)
                            + (lines.size() > 1 ? " — or, narrower: " + lines.get(1) : "")));
        }
        return out;
    }

    /** The method the official image would write: password_encryption, scram-sha-256 from 14. */
    private static String method(DataDirectoryConfig c, int major) {
        Optional<String> enc = c.value("password_encryption");
        return HbaSuggestions.dockerMethod(major, null, enc.orElse(null));
    }
}
