package dbmedic.core.offline;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
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
            return diagnoseCompose(c, p);
        }
        if (target instanceof DataDirectoryTarget d) {
            return diagnoseDataDirectory(d, o, p);
        }
        throw new UnusableInputException("Not an offline folder: " + (target == null ? "nothing" : target.displayName()));
    }

    private Diagnosis diagnoseCompose(ComposeFolderTarget t, Progress p) throws UnusableInputException, CancelledException {
        p.message("Reading " + t.composeFile().getFileName() + " and .env");
        ComposeProject project;
        try {
            project = ComposeProject.read(t);
        } catch (IOException e) {
            throw new UnusableInputException("Cannot read the compose folder " + t.folder() + ": " + e.getMessage(), e);
        }
        p.checkCancelled();
        ComposeChecks.Result r = ComposeChecks.run(project, immich);
        return new Diagnosis(t, r.app(), r.findings(), Instant.now());
    }

    private Diagnosis diagnoseDataDirectory(DataDirectoryTarget t, OfflineOptions o, Progress p)
            throws UnusableInputException, CancelledException {
        Path folder = t.folder();
        try {
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
            return new Diagnosis(t, AppIdentity.UNKNOWN, findings, Instant.now());
        } catch (IOException e) {
            throw new UnusableInputException("Cannot read the data directory " + folder + ": " + e.getMessage(), e);
        }
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
