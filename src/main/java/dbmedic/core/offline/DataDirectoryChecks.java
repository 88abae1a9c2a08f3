package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.postgres.conf.ConfEntry;
import dbmedic.core.postgres.conf.ConfProblem;
import dbmedic.core.postgres.conf.DataDirectoryConfig;
import dbmedic.core.postgres.conf.LibraryList;
import dbmedic.core.postgres.conf.ServerFiles;
import dbmedic.core.postgres.conf.Setting;
import dbmedic.core.postgres.conf.SettingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's configuration would do at the next start: parse errors, the
 * effective shared_preload_libraries and where it comes from, a standby copy.
 * pg_hba.conf is {@link HbaChecks}.
 */
final class DataDirectoryChecks {

    private DataDirectoryChecks() {
    }

    /** True when {@code path} is inside the copied data directory, so it could be read. */
    static boolean insideCopy(DataDirectoryConfig c, String path) {
        return path.equals(c.dataDirectory()) || path.startsWith(c.dataDirectory() + "/");
    }

    static List<Finding> check(DataDirectoryConfig c, ServerFiles files) throws java.io.IOException {
        List<Finding> out = new ArrayList<>();
        int major = c.pgVersion().orElseThrow().major();
        boolean confOutside = !insideCopy(c, c.configFile());
        out.add(Findings.of("postgres.data-directory", Severity.INFO, c.dataDirectory(),
                "PostgreSQL " + major + " data directory",
                "PG_VERSION " + c.pgVersion().get().text() + "; files read: " + String.join(", ", c.filesRead())
                        + c.postmasterOpts().map(o -> "; last start (postmaster.opts): " + o.program() + " "
                        + String.join(" ", o.args())).orElse(""),
                "Read offline, as the server would read it at the next start; nothing was changed.",
                "Nothing to do."));
        if (confOutside) {
            out.add(Findings.of("postgres.config-outside-copy", Severity.INFO, c.configFile(),
                    "The server reads " + c.configFile() + ", which is not in the data directory",
                    "postmaster.opts: -c config_file=" + c.configFile(),
                    "Immich's database images start with postgres -c config_file=/etc/postgresql/postgresql.conf; "
                            + "that file lives in the image (it sets shared_preload_libraries = 'vchord.so', or "
                            + "'vchord.so, vectors.so' in the -pgvectors variants), not in the data directory.",
                    "Only postgresql.auto.conf and the command line can be checked from here; they override the "
                            + "image's file."));
        }
        for (ConfProblem pr : c.problems()) {
            if (!pr.fatal() || (confOutside && c.configFile().equals(pr.file()))) {
                continue;
            }
            out.add(Findings.of("postgres.conf-error", Severity.ERROR, pr.where().isEmpty() ? "command line" : pr.where(),
                    "PostgreSQL would refuse to start: " + pr.message(),
                    (pr.where().isEmpty() ? "postmaster.opts" : pr.where()) + ": " + pr.message(),
                    "The server reads every configuration file at start and stops with FATAL: configuration file "
                            + "\"...\" contains errors when a line cannot be parsed or an included file is missing.",
                    "Fix or remove the named line (a value with spaces or commas needs single quotes; an include "
                            + "must name an existing file), then start the server again."));
        }
        preload(c, confOutside).ifPresent(out::addAll);
        if (c.standbySignal()) {
            out.add(Findings.of("postgres.replica", Severity.WARNING, c.dataDirectory() + "/standby.signal",
                    "This data directory starts as a read-only standby (standby.signal is present)",
                    "standby.signal" + c.value("primary_conninfo").map(v -> "; primary_conninfo is set").orElse(""),
                    "A copy made with pg_basebackup -R, or of a replica, starts in recovery: every write fails with "
                            + "cannot execute INSERT in a read-only transaction, so Immich cannot migrate or run.",
                    "If this copy should be the primary, promote it (pg_ctl promote, or SELECT pg_promote(); on the "
                            + "running server) instead of deleting files by hand; keep the original untouched."));
        }
        if (files.read(c.dataDirectory() + "/postmaster.pid").isPresent()) {
            out.add(Findings.of("postgres.copied-while-running", Severity.WARNING, c.dataDirectory() + "/postmaster.pid",
                    "postmaster.pid is present: the server was running (or crashed) when this copy was taken",
                    "postmaster.pid exists",
                    "A data directory copied from a running server can be inconsistent; the server also refuses to "
                            + "start a second time on the same directory while the first one runs.",
                    "Stop the database container cleanly (docker compose stop database) before copying; do not "
                            + "delete postmaster.pid while a server may still be using the directory."));
        }
        return out;
    }

    private static Optional<List<Finding>> preload(DataDirectoryConfig c, boolean confOutside) {
        Optional<Setting> s = c.setting("shared_preload_libraries");
        List<Finding> out = new ArrayList<>();
        if (s.isEmpty()) {
            if (confOutside) {
                return Optional.empty();
            }
            out.add(Findings.of("postgres.preload-missing", Severity.WARNING, "shared_preload_libraries",
                    "shared_preload_libraries is not set: no vector library is preloaded",
                    "no shared_preload_libraries line in " + String.join(", ", c.filesRead()) + " or the command line",
                    "VectorChord (Immich v1.133+) must be preloaded; without it CREATE EXTENSION fails with: vchord "
                            + "must be loaded via shared_preload_libraries. (immich#18432) Not Immich's database, or "
                            + "Immich on pgvector? Then nothing needs preloading.",
                    "In postgresql.conf set shared_preload_libraries = 'vchord.so' ('vchord.so, vectors.so' while "
                            + "migrating from pgvecto.rs) and restart the server."));
            return Optional.of(out);
        }
        Setting setting = s.get();
        ConfEntry e = setting.effective();
        boolean fromAuto = e.source() == SettingSource.CONFIGURATION_FILE && e.file() != null
                && e.file().endsWith("/postgresql.auto.conf");
        String origin = e.source() == SettingSource.COMMAND_LINE
                ? "the server's command line (postmaster.opts; in Docker a compose `command:`), which overrides "
                + "postgresql.conf and postgresql.auto.conf"
                : fromAuto ? e.where() + " (written by an earlier ALTER SYSTEM; overrides postgresql.conf)"
                : e.where();
        StringBuilder ev = new StringBuilder("shared_preload_libraries = '" + e.value() + "' from " + origin);
        for (ConfEntry o : setting.overridden()) {
            ev.append("; overrides '").append(o.value()).append("' at ").append(o.where());
        }
        LibraryList libs = LibraryList.parse(e.value());
        ev.append(libs.valid() ? "; libraries: " + quoted(libs.names()) : "; not a valid list");
        String fixWhere = e.source() == SettingSource.COMMAND_LINE
                ? "Remove `command:` (and `healthcheck:`) from the database service of the compose file, or change "
                + "its -c shared_preload_libraries=… option"
                : fromAuto ? "Delete the shared_preload_libraries line from postgresql.auto.conf (or, with the "
                + "server running, ALTER SYSTEM RESET shared_preload_libraries;)"
                : "Edit " + e.where();
        boolean oneNameWithComma = libs.valid() && libs.names().stream().anyMatch(n -> n.contains(","));
        if (!libs.valid() || oneNameWithComma) {
            out.add(Findings.of("postgres.preload-invalid", Severity.ERROR, "shared_preload_libraries",
                    oneNameWithComma ? "shared_preload_libraries names ONE library called " + quoted(libs.names())
                            + ": the server will not start" : "shared_preload_libraries is not a valid list",
                    ev.toString(),
                    oneNameWithComma ? "Double quotes make everything inside one library name, so the server stops "
                            + "with: FATAL:  " + LibraryList.missingLibraryMessage(libs.names().stream()
                            .filter(n -> n.contains(",")).findFirst().orElseThrow()) + " (the form ALTER SYSTEM SET "
                            + "shared_preload_libraries = 'vchord.so, vectors.so' writes)."
                            : "The server logs " + LibraryList.invalidListMessage("shared_preload_libraries")
                            + " and preloads nothing.",
                    fixWhere + " so it reads shared_preload_libraries = 'vchord.so, vectors.so' (no double quotes; "
                            + "or ALTER SYSTEM SET shared_preload_libraries = 'vchord.so', 'vectors.so';), then restart."));
            return Optional.of(out);
        }
        if (libs.names().contains("vchord.so") || libs.names().contains("vchord")) {
            out.add(Findings.of("postgres.preload", Severity.OK, "shared_preload_libraries",
                    "shared_preload_libraries loads vchord.so", ev.toString(),
                    "The effective value at the next start (command line over postgresql.auto.conf over "
                            + "postgresql.conf, last line wins) preloads VectorChord, as it must be.",
                    "Nothing to do."));
        } else {
            boolean vectorsOnly = libs.names().contains("vectors.so") || libs.names().contains("vectors");
            out.add(Findings.of("postgres.preload-missing", Severity.WARNING, "shared_preload_libraries",
                    "vchord.so is not preloaded" + (vectorsOnly ? " (only pgvecto.rs's vectors.so)" : ""),
                    ev.toString(),
                    "Immich v1.133+ with VectorChord needs vchord.so preloaded (both vchord.so and vectors.so while "
                            + "it migrates from pgvecto.rs); otherwise: vchord must be loaded via "
                            + "shared_preload_libraries. (immich#18432, #18439). "
                            + (e.source() == SettingSource.COMMAND_LINE ? "Here an old compose `command: postgres -c "
                            + "shared_preload_libraries=vectors.so` overrides the image's configuration."
                            : fromAuto ? "Here a leftover ALTER SYSTEM value in postgresql.auto.conf overrides the "
                            + "configuration file." : "")
                            + " Fine only while Immich stays on pgvecto.rs or pgvector.",
                    fixWhere + " so vchord.so is preloaded (shared_preload_libraries = 'vchord.so, vectors.so' during "
                            + "the migration), then restart."));
        }
        return Optional.of(out);
    }

    private static String quoted(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("\"" + n + "\""));
        return String.join(", ", q);
    }
}
