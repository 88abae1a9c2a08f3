package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.postgres.conf.ConfEntry;
import dbmedic.core.postgres.conf.LibraryList;
import dbmedic.core.postgres.conf.PostmasterOpts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The database service's own settings: a {@code command:} that replaces the image's
 * {@code postgres -c config_file=/etc/postgresql/postgresql.conf} (immich.md §7 #1),
 * {@code shm_size} (§7 #21) and {@code read_only} (§7 #25).
 */
final class DatabaseServiceChecks {

    static final String IMAGE_COMMAND = "postgres -c config_file=/etc/postgresql/postgresql.conf";

    private DatabaseServiceChecks() {
    }

    static List<Finding> check(ComposeService db, DatabaseImage image, Optional<String> chosen) {
        List<Finding> out = new ArrayList<>();
        commandOverride(db, image, chosen).ifPresent(out::add);
        if (db.shmSize() == null || db.shmSize().isBlank()) {
            out.add(Findings.of("compose.shm-size-missing", Severity.WARNING, db.name(),
                    "The database service has no shm_size, so /dev/shm is Docker's default 64 MB",
                    db.label() + " has no `shm_size:`",
                    "PostgreSQL's parallel queries and VectorChord index builds use shared memory in /dev/shm; "
                            + "when it runs out: could not resize shared memory segment \"/PostgreSQL.…\" to N bytes: "
                            + "No space left on device (immich#19467, truenas/apps#2628). Immich's compose file has "
                            + "shm_size: 128mb since v1.137.0.",
                    "Add `shm_size: 128mb` (or larger, e.g. 1gb) to the database service and recreate it with "
                            + "`docker compose up -d`. Unraid: --shm-size=128mb in Extra Parameters."));
        }
        long shm = db.shmSize() == null ? -1 : bytes(db.shmSize());
        if (shm > 0 && shm < 128L * 1024 * 1024) {
            out.add(Findings.of("compose.shm-size-missing", Severity.WARNING, db.name(),
                    "The database service's shm_size " + db.shmSize() + " is below Immich's 128mb",
                    db.label() + " has `shm_size: " + db.shmSize() + "`",
                    "PostgreSQL's parallel queries and VectorChord index builds use shared memory in /dev/shm; "
                            + "when it runs out: could not resize shared memory segment \"/PostgreSQL.…\" to N bytes: "
                            + "No space left on device (immich#19467).",
                    "Set `shm_size: 128mb` (or larger) on the database service and recreate it with "
                            + "`docker compose up -d`."));
        }
        if (db.readOnly()) {
            out.add(Findings.of("compose.read-only", Severity.ERROR, db.name(),
                    "The database container has a read-only root file system",
                    db.label() + " has `read_only: true`",
                    "The image's entrypoint copies its configuration to /etc/postgresql/postgresql.conf at start; "
                            + "with read_only the container fails with: Read-only file system (immich#21613, #21614).",
                    "Remove `read_only: true` from the database service, or mount /etc/postgresql as a writable "
                            + "volume."));
        }
        return out;
    }

    private static Optional<Finding> commandOverride(ComposeService db, DatabaseImage image, Optional<String> chosen) {
        if (db.command().isEmpty()) {
            return Optional.empty();
        }
        List<String> args = db.command().get();
        boolean immichImage = image.repository().equals("immich-app/postgres");
        boolean startsPostgres = !args.isEmpty() && (args.get(0).equals("postgres") || args.get(0).endsWith("/postgres"));
        String preload = null;
        String configFile = null;
        if (startsPostgres) {
            PostmasterOpts opts = PostmasterOpts.fromArgs(args.get(0), args.subList(1, args.size()));
            for (ConfEntry e : opts.settings()) {
                if (e.key().equals("shared_preload_libraries")) {
                    preload = e.value();
                } else if (e.key().equals("config_file")) {
                    configFile = e.value();
                }
            }
        }
        Optional<String> neededLib = chosen.flatMap(ExtensionNames::library);
        List<String> loaded = null;
        String loadedFrom;
        if (preload != null) {
            LibraryList list = LibraryList.parse(preload);
            loaded = list.valid() ? list.names() : List.of();
            loadedFrom = "the command sets shared_preload_libraries=" + preload + " → libraries " + quoteAll(loaded);
        } else if (immichImage && configFile == null) {
            loaded = List.of();
            loadedFrom = "the command does not pass -c config_file=/etc/postgresql/postgresql.conf, so the image's "
                    + "configuration (which preloads vchord.so) is not read";
        } else {
            loadedFrom = "";
        }
        boolean missing = loaded != null && neededLib.isPresent() && !loaded.contains(neededLib.get());
        String cmdEvidence = db.label() + " has `command: " + db.commandText() + "`";
        if (missing) {
            String lib = neededLib.get();
            String ext = chosen.get();
            return Optional.of(Findings.of("compose.command-override", Severity.ERROR, db.name(),
                    "The database service's command: leaves " + lib + " out of shared_preload_libraries",
                    cmdEvidence + "; " + loadedFrom,
                    "A `command:` replaces the image's own command (" + IMAGE_COMMAND + "). Immich needs "
                            + ExtensionNames.display(ext) + " preloaded; "
                            + (ext.equals("vchord") ? "without it CREATE EXTENSION fails with: vchord must be loaded "
                            + "via shared_preload_libraries. (immich#18432, #18439, #18673)"
                            : "without it PostgreSQL cannot load the extension's library."),
                    "Remove `command:` and `healthcheck:` from the database service (the old values came from "
                            + "the compose file of Immich v1.132 or older), then `docker compose up -d`. If you "
                            + "need your own command, start it with `" + IMAGE_COMMAND + "` or add "
                            + "-c shared_preload_libraries=vchord.so,vectors.so (both while migrating from pgvecto.rs)."));
        }
        if (immichImage && configFile == null) {
            return Optional.of(Findings.of("compose.command-override", Severity.WARNING, db.name(),
                    "The database service's command: replaces the image's configuration",
                    cmdEvidence + (loadedFrom.isEmpty() ? "" : "; " + loadedFrom),
                    "Immich's database images start with `" + IMAGE_COMMAND + "`; a `command:` replaces that, so "
                            + "the image's tuned postgresql.conf is not used.",
                    "Remove `command:` (and `healthcheck:`) from the database service unless you know you need "
                            + "them; otherwise include `-c config_file=/etc/postgresql/postgresql.conf`."));
        }
        return Optional.empty();
    }

    private static String quoteAll(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("\"" + n + "\""));
        return String.join(", ", q);
    }

    /** {@code 128mb}, {@code 1gb}, {@code 134217728} → bytes; -1 when unreadable. */
    static long bytes(String size) {
        String s = size.strip().toLowerCase(Locale.ROOT);
        long mult = 1;
        for (String[] u : new String[][] {{"gb", "1073741824"}, {"g", "1073741824"}, {"mb", "1048576"},
                {"m", "1048576"}, {"kb", "1024"}, {"k", "1024"}, {"b", "1"}}) {
            if (s.endsWith(u[0])) {
                mult = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            return (long) (Double.parseDouble(s.strip()) * mult);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
