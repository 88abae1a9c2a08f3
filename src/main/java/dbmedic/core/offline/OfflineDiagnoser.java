package dbmedic.core.offline;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.postgres.conf.DataDirectoryConfig;
import dbmedic.core.postgres.conf.LocalServerFiles;
import dbmedic.core.postgres.conf.PgVersionFile;
import dbmedic.core.postgres.conf.PostmasterOpts;
import dbmedic.core.postgres.conf.ServerPaths;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Diagnoses an offline folder (a compose folder or a copied data directory) by reading files
 * only: nothing is started, connected to, created or changed.
 */
public final class OfflineDiagnoser {

    private final ImmichKnowledge immich;

    public OfflineDiagnoser() {
        this(ImmichKnowledge.load());
    }

    public OfflineDiagnoser(ImmichKnowledge immich) {
        this.immich = immich;
    }

    public Diagnosis diagnose(Target target, OfflineOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        OfflineOptions o = options == null ? OfflineOptions.defaults() : options;
        Progress p = progress == null ? Progress.NONE : progress;
        if (target instanceof ComposeFolderTarget c) {
            return diagnoseCompose(c, o, p);
        }
        if (target instanceof DataDirectoryTarget d) {
            return diagnoseDataDirectory(d, o, p);
        }
        throw new UnusableInputException("Not an offline folder: " + (target == null ? "nothing" : target.displayName()));
    }

    private Diagnosis diagnoseCompose(ComposeFolderTarget t, OfflineOptions o, Progress p)
            throws UnusableInputException, CancelledException {
        p.message("Reading " + t.composeFile().getFileName() + " and .env");
        ComposeProject project;
        try {
            project = ComposeProject.read(t);
        } catch (IOException e) {
            throw new UnusableInputException("Cannot read the compose folder " + t.folder() + ": " + e.getMessage(), e);
        }
        p.checkCancelled();
        ComposeChecks.Result r = ComposeChecks.run(project, immich);
        List<Finding> findings = new ArrayList<>(r.findings());
        if (r.setup() != null && r.setup().database() != null) {
            findings.addAll(linkedDataDirectory(t, r.setup().database(), r.chosenExtension(), o, p));
        }
        return new Diagnosis(t, r.app(), findings, Instant.now());
    }

    /**
     * The database service's data directory when it is a bind mount inside reach (Immich's
     * {@code ${DB_DATA_LOCATION}:/var/lib/postgresql/data}): checked like a copied one.
     */
    private List<Finding> linkedDataDirectory(ComposeFolderTarget t, ComposeService db, Optional<String> chosen,
                                              OfflineOptions o, Progress p)
            throws CancelledException {
        String pgdata = ServerPaths.canonicalize(Optional.ofNullable(db.environment().get("PGDATA"))
                .filter(v -> !v.isBlank()).orElse(defaultPgdata(db)));
        // The mount may be PGDATA itself or a folder above it (18+ images mount /var/lib/postgresql).
        String source = null;
        String below = "";
        for (var m : db.bindMounts().entrySet()) {
            String target = ServerPaths.canonicalize(m.getKey());
            if (pgdata.equals(target) || pgdata.startsWith(target + "/")) {
                source = m.getValue();
                below = pgdata.substring(target.length());
            }
        }
        if (source == null || source.startsWith("~")) {
            return List.of();
        }
        if (!below.isEmpty()) {
            source = source + below;
        }
        Path host = t.folder().resolve(source).normalize();
        String where = db.label() + " mounts " + source + " at " + pgdata;
        if (!Files.isDirectory(host)) {
            return List.of(Findings.of("compose.data-directory", Severity.INFO, source,
                    "The database's data directory was not found next to the compose file, so it was not checked",
                    where, "DB_DATA_LOCATION points elsewhere, or only the compose files were copied.",
                    "To check it too, point DB Medic at the data directory (a copy is fine)."));
        }
        if (!Files.isReadable(host) || !Files.isExecutable(host)) {
            return List.of(unreadable(source, where, "the folder cannot be listed"));
        }
        if (!Files.exists(host.resolve("PG_VERSION"))) {
            return List.of(Findings.of("compose.data-directory", Severity.INFO, source,
                    "The database's data directory " + source + " holds no PG_VERSION, so it was not checked",
                    where, "An empty folder: the database was never initialised there, or DB_DATA_LOCATION was "
                            + "changed. Started like this, the container creates a new, empty database in it.",
                    "If your database lives elsewhere, set DB_DATA_LOCATION in .env to that folder before starting."));
        }
        try {
            List<Finding> found = dataDirectoryFindings(host, o.withServerDataDirectory(pgdata), p);
            List<Finding> out = new ArrayList<>();
            out.add(Findings.of("compose.data-directory", Severity.INFO, source,
                    "The database's data directory " + source + " was checked too", where,
                    "The bind mount is inside reach, so its configuration and pg_hba.conf were read (only read).",
                    "Nothing to do."));
            // Here the compose file says which extension Immich will use: a missing vchord.so is certain to fail.
            for (Finding f : found) {
                boolean certain = f.id().equals("postgres.preload-missing") && chosen.filter("vchord"::equals).isPresent();
                out.add(certain ? new Finding(f.id(), Severity.ERROR, f.subject(), f.summary(), f.evidence(),
                        f.cause() + " The compose file makes Immich use VectorChord.", f.fix(), f.actions()) : f);
            }
            return out;
        } catch (IOException | UnusableInputException e) {
            return List.of(unreadable(source, where, e.getMessage()));
        }
    }

    /** The official image's PGDATA: /var/lib/postgresql/data up to 17, /var/lib/postgresql/<major>/docker from 18. */
    private static String defaultPgdata(ComposeService db) {
        Optional<Integer> major = db.image() == null ? Optional.empty() : DatabaseImage.parse(db.image()).postgres();
        return major.filter(m -> m >= 18).map(m -> "/var/lib/postgresql/" + m + "/docker")
                .orElse(OfflineOptions.DOCKER_PGDATA);
    }

    private static Finding unreadable(String source, String where, String why) {
        return Findings.of("compose.data-directory", Severity.INFO, source,
                "The database's data directory could not be read, so it was not checked",
                where + "; " + why,
                "The official image makes the data directory owned by the container's postgres user (uid 999) "
                        + "with mode 0700, so other users cannot read it.",
                "Run DB Medic as a user who may read it, or point it at a copy of the directory.");
    }

    private Diagnosis diagnoseDataDirectory(DataDirectoryTarget t, OfflineOptions o, Progress p)
            throws UnusableInputException, CancelledException {
        try {
            return new Diagnosis(t, AppIdentity.UNKNOWN, dataDirectoryFindings(t.folder(), o, p), Instant.now());
        } catch (IOException e) {
            throw new UnusableInputException("Cannot read the data directory " + t.folder() + ": " + e.getMessage(), e);
        }
    }

    private static List<Finding> dataDirectoryFindings(Path folder, OfflineOptions o, Progress p)
            throws IOException, UnusableInputException, CancelledException {
        Path pgVersion = folder.resolve("PG_VERSION");
        if (!Files.isRegularFile(pgVersion)) {
            throw new UnusableInputException(folder + " is not a PostgreSQL data directory: it has no PG_VERSION file.");
        }
        Optional<PgVersionFile> v = PgVersionFile.parse(Files.readString(pgVersion, StandardCharsets.UTF_8));
        if (v.isEmpty()) {
            throw new UnusableInputException(folder + " is not a PostgreSQL data directory: PG_VERSION does not "
                    + "hold a version number.");
        }
        String serverDir = serverDataDirectory(folder, o);
        LocalServerFiles files = new LocalServerFiles(serverDir, folder);
        p.message("Reading the configuration of " + folder);
        DataDirectoryConfig config = DataDirectoryConfig.read(files, serverDir);
        p.checkCancelled();
        List<Finding> findings = new ArrayList<>(DataDirectoryChecks.check(config, files));
        p.message("Matching pg_hba.conf for " + o.clientAddress());
        findings.addAll(HbaChecks.check(config, files, o));
        return findings;
    }

    /** Where the server sees the folder: as given, else postmaster.opts's -D, else the Docker image's PGDATA. */
    private static String serverDataDirectory(Path folder, OfflineOptions o) throws IOException {
        if (o.serverDataDirectory() != null && ServerPaths.isAbsolute(o.serverDataDirectory())) {
            return ServerPaths.canonicalize(o.serverDataDirectory());
        }
        Path opts = folder.resolve("postmaster.opts");
        if (Files.isRegularFile(opts)) {
            String d = PostmasterOpts.parse(Files.readString(opts, StandardCharsets.UTF_8)).dataDirectory();
            if (d != null && ServerPaths.isAbsolute(d)) {
                return ServerPaths.canonicalize(d);
            }
        }
        return OfflineOptions.DOCKER_PGDATA;
    }
}
