package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ExtensionState;
import dbmedic.core.immich.ImmichMessages;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.SemVer;
import dbmedic.core.immich.StartupPrediction;
import dbmedic.core.immich.StartupPrediction.Outcome;
import dbmedic.core.immich.StartupPredictor;
import dbmedic.core.immich.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immich's start-up against this database (immich.md §1, §2, §7): server version, the vector
 * extension Immich will pick and what it will do with it (the exact message it will print),
 * privileges for that, pgvector's minimum for VectorChord, leftovers it will drop, and the
 * pgvecto.rs deprecation.
 */
final class ImmichChecks {
    private ImmichChecks() {
    }

    static List<Finding> extensionFindings(ServerFacts f, ImmichRelease release, String immichVersion,
                                           String vectorSetting, Map<String, List<String>> installedElsewhere) {
        List<Finding> out = new ArrayList<>();
        StartupPrediction p = StartupPredictor.predict(release, immichVersion, f.serverVersion(), f.vectorExtensions(), vectorSetting);
        String who = "Immich " + (immichVersion == null ? release.span() : immichVersion);
        if (p.outcome() == Outcome.POSTGRES_VERSION) {
            out.add(new Finding("immich.postgres-version", Severity.ERROR, "server_version",
                    who + " refuses PostgreSQL " + f.serverVersion() + ".",
                    "SHOW server_version = " + f.serverVersion() + "; Immich needs " + release.postgres().text(),
                    "Immich checks the server version first and stops when it is outside its range. Immich prints:\n"
                            + p.message().orElseThrow(),
                    Fix.text("Use a supported PostgreSQL (14 or newer; Immich's docs name 14-18 for current releases) with the "
                            + "same data: a major upgrade needs pg_upgrade or dump and restore.")));
            return out;
        }
        out.add(new Finding("immich.postgres-version", Severity.OK, "server_version",
                "PostgreSQL " + f.serverVersion() + " is in " + who + "'s range " + release.postgres().text() + ".",
                "SHOW server_version = " + f.serverVersion(), "Immich accepts this server version.", Fix.text("Nothing to do.")));
        String state = describe(f.vectorExtensions(), f.database());
        String ext = p.extension().orElse(null);
        String name = ext == null ? null : ImmichMessages.displayName(ext);
        String rangeText = ext == null ? "" : release.range(ext).map(VersionRange::text).orElse("(not supported)");
        switch (p.outcome()) {
            case NO_EXTENSION -> out.add(new Finding("immich.no-vector-extension", Severity.ERROR, "pg_available_extensions",
                    who + " finds no vector extension on this server and will not start.", state,
                    "Immich looks for " + String.join(", ", release.extensionPreference()) + " in pg_available_extensions (the "
                            + "extension files installed in the server image). None is there: typically the database still runs "
                            + "an old tensorchord/pgvecto-rs image after upgrading Immich (immich#29448, #29983). Immich prints:\n"
                            + p.message().orElseThrow(),
                    Fix.text("Switch the database image to ghcr.io/immich-app/postgres:<same PG major>-vectorchord<X>-pgvectors<Y> "
                            + "(keep the same PostgreSQL major, and pgvecto.rs version as before), add shm_size: 128mb, and start again.")));
            case NOT_AVAILABLE, UNSUPPORTED -> out.add(new Finding("immich.extension-not-available", Severity.ERROR, ext == null ? vectorSetting : ext,
                    who + " is told to use " + (name == null ? vectorSetting : name) + " (DB_VECTOR_EXTENSION=" + vectorSetting
                            + "), which it cannot use here.", state,
                    "DB_VECTOR_EXTENSION skips auto-detection. Immich prints:\n" + p.message().orElseThrow(),
                    Fix.text("Remove DB_VECTOR_EXTENSION from .env / the container environment so Immich picks the extension "
                            + "itself (immich#18462, docs PR #18508), or install that extension in the database image.")));
            case NIGHTLY -> out.add(new Finding("immich.extension-nightly", Severity.ERROR, ext,
                    name + " reports version 0.0.0 (a nightly build); " + who + " refuses it.", state,
                    "Immich treats 0.0.0 as a nightly release and stops. Immich prints:" + p.message().orElseThrow(),
                    new Fix("Use a database image with a released " + name + " version; as a superuser, connected to the "
                            + "Immich database:", List.of("DROP EXTENSION IF EXISTS " + ext + ";"))));
            case OUT_OF_RANGE -> out.add(new Finding("immich.extension-out-of-range", Severity.ERROR, ext,
                    name + " " + p.version().orElse("?") + " is outside what " + who + " accepts (" + rangeText + ").", state,
                    "The database image is newer or older than this Immich release supports — often the compose file from "
                            + "main instead of the release, or an image upgraded ahead of Immich (immich#18810, #18960, #24657). "
                            + "Immich prints:\n" + p.message().orElseThrow(),
                    Fix.text(outOfRangeFix(release, ext, p.version().orElse(null)))));
            case DOWNGRADE -> out.add(new Finding("immich.extension-downgrade", Severity.ERROR, ext,
                    "The database has " + name + " " + f.vectorExtensions().get(ext).installedVersion() + " but the server only offers "
                            + f.vectorExtensions().get(ext).availableVersion() + ".", state,
                    "The database image was downgraded after Immich (or someone) ran ALTER EXTENSION ... UPDATE; an "
                            + "extension cannot be downgraded in place (immich#19313). Immich prints:\n" + p.message().orElseThrow(),
                    Fix.text("Go back to a database image that provides " + name + " "
                            + f.vectorExtensions().get(ext).installedVersion() + " or newer (within " + rangeText + ").")));
            case CREATE -> out.add(createFinding(f, p, who, name, ext, state, installedElsewhere.getOrDefault(ext, List.of())));
            case UPDATE -> out.add(updateFinding(f, p, who, name, ext, state));
            case OK -> out.add(new Finding("immich.vector-extension", Severity.OK, ext,
                    who + " will use " + name + " " + p.version().orElse("") + " (accepted: " + rangeText + ").", state,
                    "Available and installed versions agree and are in range.", Fix.text("Nothing to do.")));
            default -> {
            }
        }
        if (ext != null && !p.outcome().fatal()) {
            dropFindings(f, p, who, immichVersion, out);
            if (ext.equals("vchord")) {
                ExtensionState vector = f.vectorExtensions().get("vector");
                String v = vector == null ? null : vector.installed() ? vector.installedVersion() : vector.availableVersion();
                if (v != null && SemVer.coerce(v).map(x -> x.compareTo(new SemVer(0, 7, 0)) < 0).orElse(false)) {
                    out.add(new Finding("immich.pgvector-too-old", Severity.ERROR, "vector",
                            "pgvector " + v + " is older than 0.7.0, which VectorChord needs.", state,
                            "VectorChord builds on pgvector's types; Immich's docs require pgvector 0.7.0 or newer "
                                    + "(postgres-standalone.md, \"Migrating from pgvector\").",
                            new Fix("Install a newer pgvector in the server (or use the Immich database image), then as a "
                                    + "superuser in the Immich database:", List.of("ALTER EXTENSION vector UPDATE;"))));
                }
            }
            if (ext.equals("vectors") && immichVersion != null
                    && SemVer.coerce(immichVersion).map(x -> x.compareTo(new SemVer(1, 138, 0)) >= 0).orElse(false)) {
                out.add(new Finding("immich.pgvectors-deprecated", Severity.WARNING, "vectors",
                        who + " still uses pgvecto.rs, which is deprecated (removed in v3).", state,
                        (vectorSetting != null ? "DB_VECTOR_EXTENSION=" + vectorSetting + " pins it. " : "VectorChord is not available in this server, so auto-detection picks pgvecto.rs. ")
                                + "Immich prints at every start:\n" + ImmichMessages.deprecated(immichVersion),
                        Fix.text("Migrate to VectorChord before upgrading to Immich v3: use the ghcr.io/immich-app/postgres "
                                + "image with both vchord and pgvecto.rs, preload both (vchord.so, vectors.so), remove "
                                + "DB_VECTOR_EXTENSION, start Immich and wait for \"Reindexed clip_index\" / \"Reindexed face_index\".")));
            }
        }
        return out;
    }

    private static String outOfRangeFix(ImmichRelease release, String ext, String version) {
        String base = "Use the database image from the docker-compose.yml of your Immich release (not from main), or upgrade "
                + "Immich to a release that accepts this version.";
        if (ext.equals("vchord") && version != null) {
            if (new VersionRange(">=0.4 <0.5").contains(version)) {
                return base + " VectorChord 0.4.x needs Immich v1.135.0 or newer.";
            }
            if (new VersionRange(">=0.5 <0.6").contains(version)) {
                return base + " VectorChord 0.5.x needs Immich v2.1.0 or newer.";
            }
            if (new VersionRange(">=1 <2").contains(version)) {
                return base + " VectorChord 1.x needs Immich v2.5.0 or newer.";
            }
        }
        return base;
    }

    private static Finding createFinding(ServerFacts f, StartupPrediction p, String who, String name, String ext,
                                         String state, List<String> elsewhere) {
        String statement = "CREATE EXTENSION IF NOT EXISTS " + ext + " CASCADE;";
        ServerFacts.ExtensionMeta meta = f.extensionMeta().get(ext);
        boolean trusted = meta != null && Boolean.TRUE.equals(meta.trusted());
        boolean allowed = f.superuser() || (trusted && f.createOnDatabase());
        String elsewhereText = elsewhere.isEmpty() ? "" : " It is installed in " + String.join(", ", elsewhere)
                + " — installed_version is per database, so that does not count for " + f.database()
                + " (immich#18708: CREATE EXTENSION was run at a postgres=# prompt).";
        if (!allowed) {
            return new Finding("immich.extension-create-denied", Severity.ERROR, ext,
                    who + " must create " + name + " in " + f.database() + " but role " + f.user() + " may not.",
                    state + "; role " + f.user() + ": superuser=" + f.superuser() + ", CREATE on database=" + f.createOnDatabase()
                            + ", extension trusted=" + trusted,
                    "Immich runs `" + statement.replace(";", "") + "` at start; " + (trusted
                            ? "the extension is trusted but the role lacks CREATE on the database"
                            : "only a superuser may create this extension") + ". PostgreSQL answers permission denied to "
                            + "create extension \"" + ext + "\" and Immich prints (FATAL):\n" + p.message().orElseThrow() + elsewhereText,
                    new Fix("As a superuser, connected to the Immich database (psql -d " + f.database() + ", not the postgres database):",
                            List.of("\\c " + quoteIdent(f.database()), statement)));
        }
        return new Finding("immich.extension-will-be-created", elsewhere.isEmpty() ? Severity.INFO : Severity.WARNING, ext,
                who + " will create " + name + " " + p.version().orElse("") + " in " + f.database() + " at its next start.",
                state, "The extension is available but not yet installed in this database; role " + f.user()
                        + " is allowed to create it." + elsewhereText,
                Fix.text("Nothing to do if the library is preloaded (see shared_preload_libraries); Immich then reindexes, "
                        + "which takes a while on large libraries — do not restart it meanwhile."));
    }

    private static Finding updateFinding(ServerFacts f, StartupPrediction p, String who, String name, String ext, String state) {
        String owner = f.extensionMeta().get(ext) == null ? null : f.extensionMeta().get(ext).owner();
        boolean allowed = f.superuser() || f.user().equals(owner);
        if (!allowed) {
            return new Finding("immich.extension-update-denied", Severity.ERROR, ext,
                    who + " will try to update " + name + " to " + p.version().orElse("") + " and role " + f.user() + " may not.",
                    state + "; extension owner " + owner + ", role " + f.user() + " superuser=" + f.superuser(),
                    "Only the extension's owner or a superuser may run ALTER EXTENSION ... UPDATE (CNPG variant of "
                            + "immich#18462). Immich warns and then stops:\n" + p.message().orElseThrow(),
                    new Fix("As a superuser, connected to the Immich database, then reindex (immich docs, PR #19282):",
                            List.of("\\c " + quoteIdent(f.database()), "ALTER EXTENSION " + ext + " UPDATE;",
                                    "REINDEX INDEX face_index;", "REINDEX INDEX clip_index;")));
        }
        return new Finding("immich.extension-will-be-updated", Severity.INFO, ext,
                who + " will update " + name + " to " + p.version().orElse("") + " and rebuild clip_index and face_index.",
                state, "The server offers a newer version than the one installed in this database.",
                Fix.text("Back the database up first; let Immich run until it logs \"Reindexed clip_index\" and \"Reindexed face_index\"."));
    }

    private static void dropFindings(ServerFacts f, StartupPrediction p, String who, String immichVersion, List<Finding> out) {
        for (String drop : p.drops()) {
            String owner = f.extensionMeta().get(drop) == null ? null : f.extensionMeta().get(drop).owner();
            boolean allowed = f.superuser() || f.user().equals(owner);
            String name = ImmichMessages.displayName(drop);
            out.add(new Finding("immich.extension-drop", allowed ? Severity.INFO : Severity.WARNING, drop,
                    who + " will drop " + name + " after its migration" + (allowed ? "." : ", and role " + f.user() + " may not."),
                    drop + " installed in " + f.database() + " (owner " + owner + ")",
                    "Immich drops vector extensions it no longer uses (PR #18400)." + (allowed ? ""
                            : " Without ownership it only warns:\n" + ImmichMessages.dropFailed(drop, immichVersion)),
                    new Fix(allowed ? "Nothing to do." : "After Immich has logged \"Reindexed clip_index\" and \"Reindexed face_index\", "
                            + "as a superuser in the Immich database:", allowed ? List.of()
                            : List.of("DROP EXTENSION " + drop + ";"))));
        }
    }

    static String describe(Map<String, ExtensionState> ext, String database) {
        if (ext.isEmpty()) {
            return "pg_available_extensions has none of vchord, vectors, vector";
        }
        List<String> parts = new ArrayList<>();
        for (ExtensionState s : ext.values()) {
            parts.add(s.name() + ": available " + Optional.ofNullable(s.availableVersion()).orElse("-") + ", installed in "
                    + database + " " + Optional.ofNullable(s.installedVersion()).orElse("-"));
        }
        return String.join("; ", parts);
    }

    static String quoteIdent(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
