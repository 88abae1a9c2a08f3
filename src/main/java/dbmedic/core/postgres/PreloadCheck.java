package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.postgres.conf.LibraryList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code shared_preload_libraries} against the libraries the vector extension in use needs
 * ({@code vchord.so}; {@code vchord.so} and {@code vectors.so} while migrating from
 * pgvecto.rs), and where the running value came from (pg_settings.source / sourcefile):
 * a compose {@code command:} override, an old {@code ALTER SYSTEM} in postgresql.auto.conf,
 * or postgresql.conf.
 */
final class PreloadCheck {
    private PreloadCheck() {
    }

    /** "vchord" for {@code vchord.so}, {@code $libdir/vchord}, {@code vchord}. */
    static Set<String> loaded(String value) {
        LibraryList list = LibraryList.parse(value == null ? "" : value);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String name : list.names()) {
            String n = name.substring(name.lastIndexOf('/') + 1);
            if (n.toLowerCase(Locale.ROOT).endsWith(".so")) {
                n = n.substring(0, n.length() - 3);
            }
            out.add(n);
        }
        return out;
    }

    static Finding check(ServerFacts f, List<String> required) {
        ServerFacts.Setting s = f.preload();
        if (!s.visible()) {
            return new Finding("postgres.preload", Severity.INFO, "shared_preload_libraries",
                    "shared_preload_libraries could not be read by role " + f.user() + ".",
                    "pg_settings hides shared_preload_libraries from roles that are neither superuser nor members of pg_read_all_settings",
                    "Whether " + String.join(", ", required.stream().map(r -> r + ".so").toList()) + " is preloaded stays unknown.",
                    Fix.text("Diagnose again with a superuser URL, or ask the server's admin for SHOW shared_preload_libraries;"));
        }
        Set<String> have = loaded(s.value());
        List<String> missing = required.stream().filter(r -> !have.contains(r)).toList();
        String evidence = "shared_preload_libraries = '" + s.value() + "' (source: " + s.source()
                + (s.sourceFile() == null ? "" : ", " + s.sourceFile() + (s.sourceLine() == null ? "" : " line " + s.sourceLine()))
                + (s.pendingRestart() ? "; a changed value is waiting for a restart" : "") + ")";
        String wanted = String.join(", ", required.stream().map(r -> r + ".so").toList());
        if (missing.isEmpty()) {
            return new Finding("postgres.preload", Severity.OK, "shared_preload_libraries",
                    required.isEmpty() ? "No library needs preloading for the extension in use."
                            : "shared_preload_libraries loads " + wanted + ".",
                    evidence, "The vector extension's library is loaded at server start, as it must be.", Fix.text("Nothing to do."));
        }
        String missingText = String.join(", ", missing.stream().map(m -> m + ".so").toList());
        String cause;
        List<String> sql = new ArrayList<>();
        String fix;
        String target = String.join(", ", required.stream().map(r -> r + ".so").toList());
        if ("command line".equals(s.source())) {
            cause = "The value comes from the server's command line (postgres -c shared_preload_libraries=...), which "
                    + "overrides postgresql.conf. In Docker this is a `command:` left in the database service of an old "
                    + "docker-compose.yml (the pgvecto.rs-era `command: postgres -c shared_preload_libraries=vectors.so ...`); "
                    + "it replaces the new image's own command, whose config file preloads vchord.so (immich#18432, #18439).";
            fix = "Remove `command:` (and the old `healthcheck:`) from the database service in docker-compose.yml, then "
                    + "`docker compose up -d`. If you must keep a command, it needs `-c shared_preload_libraries=" + target.replace(" ", "") + "`.";
        } else if (s.sourceFile() != null && s.sourceFile().endsWith("postgresql.auto.conf")) {
            String line = f.preloadFileLines().stream().filter(l -> l.sourceFile() != null && l.sourceFile().endsWith("postgresql.auto.conf"))
                    .reduce((a, b) -> b).map(l -> "shared_preload_libraries = '" + l.setting().replace("'", "''") + "'")
                    .orElse("shared_preload_libraries = '" + s.value().replace("'", "''") + "'");
            cause = "The value comes from postgresql.auto.conf, written by an earlier ALTER SYSTEM; it overrides "
                    + "postgresql.conf (the image's config preloads vchord.so). The line there is `" + line + "`"
                    + (s.sourceLine() == null ? "" : " (line " + s.sourceLine() + ")") + " (immich#18432).";
            fix = "Remove that line from postgresql.auto.conf in the data directory, or run the statement below as a "
                    + "superuser; then restart PostgreSQL (this setting only changes at start).";
            sql.add("ALTER SYSTEM RESET shared_preload_libraries;");
        } else if ("default".equals(s.source()) || s.value() == null || s.value().isBlank()) {
            cause = "Nothing sets shared_preload_libraries, so the extension's library is not loaded at start. A "
                    + "self-managed server needs it in postgresql.conf; VectorChord refuses CREATE EXTENSION without it.";
            fix = "Set `shared_preload_libraries = '" + target + "'` in postgresql.conf (or as superuser run the "
                    + "statement below), then restart PostgreSQL.";
            sql.add("ALTER SYSTEM SET shared_preload_libraries = " + String.join(", ",
                    required.stream().map(r -> "'" + r + ".so'").toList()) + ";");
        } else {
            cause = "The value comes from " + (s.sourceFile() == null ? "the server configuration (" + s.source() + ")" : s.sourceFile())
                    + " and does not name " + missingText + ".";
            fix = "Edit that setting to `shared_preload_libraries = '" + target + "'` (keep other libraries you use, "
                    + "comma-separated) and restart PostgreSQL.";
        }
        boolean migrating = required.contains("vectors") && required.contains("vchord");
        return new Finding("postgres.preload-missing", Severity.ERROR, "shared_preload_libraries",
                "shared_preload_libraries lacks " + missingText + (migrating ? " (both libraries are needed while migrating from pgvecto.rs)" : "") + ".",
                evidence, cause + (missing.contains("vchord")
                        ? " Immich then fails with \"" + dbmedic.core.immich.ImmichMessages.VCHORD_NOT_PRELOADED + "\" at CREATE EXTENSION."
                        : missing.contains("vectors") ? " The pgvecto.rs columns can only be converted while pgvecto.rs is loaded (Immich's docs require both libraries during the migration)." : ""),
                new Fix(fix, sql));
    }
}
