package dbmedic.core;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.SqliteBackup;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnoser;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.explain.ErrorExplainer;
import dbmedic.core.finding.Finding;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.offline.ComposeFolderTarget;
import dbmedic.core.offline.DataDirectoryTarget;
import dbmedic.core.offline.OfflineDiagnoser;
import dbmedic.core.offline.OfflineFolders;
import dbmedic.core.offline.OfflineOptions;
import dbmedic.core.postgres.PostgresDiagnoser;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.plan.RepairFailedException;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.plan.SqlitePlanExecutor;
import dbmedic.core.plan.SqliteRepairPlanner;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import dbmedic.core.verify.SqliteVerifier;
import dbmedic.core.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's one entry point for both faces (CLI and wizard): resolve → diagnose →
 * back up → plan → repair → verify, and explain. Every mutation goes through
 * {@link #repair}, which refuses without a verified backup.
 */
public final class Medic {
    // The SQLite packs are loaded on first use: a PostgreSQL diagnosis does not need them.
    private final java.util.function.Supplier<PackRegistry> packSource;
    private PackRegistry packs;
    private Diagnoser diagnoser;
    private ErrorExplainer explainer;
    private final ImmichKnowledge immich = ImmichKnowledge.load();

    public Medic() {
        this.packSource = PackRegistry::load;
    }

    public Medic(PackRegistry packs) {
        this.packSource = () -> packs;
    }

    public synchronized PackRegistry packs() {
        if (packs == null) {
            packs = packSource.get();
            diagnoser = new Diagnoser(packs);
            explainer = new ErrorExplainer(packs);
        }
        return packs;
    }

    private Diagnoser diagnoser() {
        packs();
        return diagnoser;
    }

    /**
     * A {@code postgresql://} URL → a live PostgreSQL target; a path → a SQLite file or app
     * folder, else an offline folder (a copied data directory, an Immich compose folder).
     */
    public Target resolve(String spec) throws UnusableInputException {
        String s = spec == null ? "" : spec.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return PostgresTarget.parse(s);
        }
        try {
            return TargetResolver.resolve(spec);
        } catch (UnusableInputException notSqlite) {
            Path folder = folderOrNull(s);
            if (folder == null) {
                throw notSqlite;
            }
            java.util.Optional<Target> offline = OfflineFolders.detect(folder);
            if (offline.isPresent()) {
                return offline.get();
            }
            if (notSqlite.getMessage().contains("holds no database")) {
                throw new UnusableInputException(dbmedic.core.target.PathText.of(folder) + " holds nothing DB Medic knows:"
                        + " no InvokeAI or GPUStack database (databases/invokeai.db, invokeai.db, database.db), no"
                        + " PostgreSQL data directory (PG_VERSION) and no compose file (compose.yaml, docker-compose.yml)");
            }
            throw notSqlite;
        }
    }

    private static Path folderOrNull(String spec) {
        try {
            Path p = Path.of(spec);
            return java.nio.file.Files.isDirectory(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Checks that the target is a readable database before anything else touches it
     * (header, size); one clear line otherwise.
     */
    public void probe(Target target) throws UnusableInputException {
        if (!(target instanceof SqliteTarget t)) {
            return; // PostgreSQL and offline targets are checked when they are diagnosed
        }
        long wal = t.wal().toFile().length();
        dbmedic.core.sqlite.SqliteFileProbe.probe(t.database(), wal > 0);
    }

    public Diagnosis diagnose(Target target, DiagnoseOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        if (target instanceof PostgresTarget pg) {
            return new PostgresDiagnoser(immich).diagnose(pg, postgresOptions(options), progress);
        }
        if (target instanceof ComposeFolderTarget || target instanceof DataDirectoryTarget) {
            OfflineOptions offline = OfflineOptions.defaults();
            if (options.clientAddress() != null) {
                offline = offline.withClient(options.clientAddress(), offline.database(), offline.user());
            }
            return new OfflineDiagnoser(immich).diagnose(target, offline, progress);
        }
        return diagnoser().diagnose(target, options, progress);
    }

    /**
     * Connects to a PostgreSQL target the way the diagnosis will and answers in one line;
     * other targets need no connection.
     */
    public PostgresDiagnoser.ConnectionTest testConnection(Target target, DiagnoseOptions options)
            throws UnusableInputException {
        if (!(target instanceof PostgresTarget pg)) {
            return new PostgresDiagnoser.ConnectionTest(true, "Nothing to connect to: " + target.displayName()
                    + " is read from disk");
        }
        return new PostgresDiagnoser(immich).testConnection(pg, postgresOptions(options));
    }

    private static PostgresOptions postgresOptions(DiagnoseOptions options) {
        return PostgresOptions.defaults()
                .withClientAddress(options.clientAddress())
                .withApp(options.appOverride())
                .withPasswordPrompt(options.passwordPrompt())
                .withTunnel(options.tunnel());
    }

    /** True for SQLite targets (backup, repair plan, verify); a live PostgreSQL target goes through {@link #canMigrate}. */
    public static boolean canRepair(Target target) {
        return target instanceof SqliteTarget;
    }

    public BackupResult backup(Target target, Path directory, Progress progress)
            throws BackupFailedException, CancelledException {
        if (!canRepair(target)) {
            throw new BackupFailedException(NOT_REPAIRABLE);
        }
        try {
            probe(target);
        } catch (UnusableInputException e) {
            throw new BackupFailedException(e.getMessage(), e);
        }
        return SqliteBackup.backup(sqlite(target), directory, progress);
    }

    public RepairPlan plan(Diagnosis diagnosis) throws UnusableInputException {
        if (!canRepair(diagnosis.target())) {
            throw new UnusableInputException(NOT_REPAIRABLE);
        }
        return SqliteRepairPlanner.plan(sqlite(diagnosis.target()), diagnosis);
    }

    public void repair(Target target, RepairPlan plan, BackupResult verifiedBackup, Progress progress)
            throws RepairFailedException, CancelledException {
        SqlitePlanExecutor.apply(sqlite(target), plan, verifiedBackup, progress);
    }

    public VerifyResult verify(Target target, BackupResult backup, RepairPlan plan, Progress progress)
            throws CancelledException {
        return SqliteVerifier.verify(sqlite(target), backup, plan, diagnoser(), progress);
    }

    /**
     * The backup to verify against: {@code fileOrDir} a backup file or a folder of backups,
     * null for the newest DB Medic backup beside the database.
     */
    public java.util.Optional<BackupResult> findBackup(Target target, Path fileOrDir) throws UnusableInputException {
        if (!canRepair(target)) {
            throw new UnusableInputException(NOT_REPAIRABLE);
        }
        return dbmedic.core.backup.BackupLocator.find(sqlite(target), fileOrDir);
    }

    public List<Finding> explain(String text) {
        packs();
        return explainer.explain(text);
    }

    private static SqliteTarget sqlite(Target target) {
        if (target instanceof SqliteTarget s) {
            return s;
        }
        throw new IllegalArgumentException(NOT_REPAIRABLE);
    }

    // ---- PostgreSQL (Immich): session, backup, migration -------------------------------

    /** True for targets the Immich migration works on (a live PostgreSQL database). */
    public static boolean canMigrate(Target target) {
        return target instanceof PostgresTarget;
    }

    /** The PostgreSQL options a diagnosis would use (client address, app, password prompt). */
    public static PostgresOptions postgresOptionsFor(DiagnoseOptions options) {
        return postgresOptions(options);
    }

    /** One user's session with the target: the password is asked for once and kept until it is closed. */
    public dbmedic.core.postgres.PgSession openSession(PostgresTarget target, PostgresOptions options) {
        return dbmedic.core.postgres.PgSession.open(target, options);
    }

    /** The migration engine for the Immich database of this session; journals in the app-data folder. */
    public dbmedic.core.immich.migrate.ImmichMigration immichMigration(dbmedic.core.postgres.PgSession session) {
        return new dbmedic.core.immich.migrate.ImmichMigration(session, immich);
    }

    /** The same with the journals in {@code journalDir}. */
    public dbmedic.core.immich.migrate.ImmichMigration immichMigration(dbmedic.core.postgres.PgSession session,
                                                                       Path journalDir) {
        return new dbmedic.core.immich.migrate.ImmichMigration(session, immich, journalDir);
    }

    /** Where PostgreSQL backups go unless the user names a folder: {@code <app data>/backups}. */
    public static Path defaultPostgresBackupDir() {
        return dbmedic.core.appdata.AppDirectories.dataDir().resolve("backups");
    }

    /** The verified backup of an Immich database (pg_dump when one fits, always the vector tables). */
    public dbmedic.core.postgres.backup.PgBackupResult backup(dbmedic.core.postgres.PgSession session, Path parentDir,
                                                             Progress progress)
            throws BackupFailedException, UnusableInputException, CancelledException {
        return backup(session, parentDir, null, progress);
    }

    /**
     * The same, with the whole-database dump from {@code dumpSource} (e.g. {@code docker exec …
     * pg_dump} over SSH) instead of a local pg_dump; null: look for a local one.
     */
    public dbmedic.core.postgres.backup.PgBackupResult backup(dbmedic.core.postgres.PgSession session, Path parentDir,
                                                             dbmedic.core.postgres.backup.DumpSource dumpSource,
                                                             Progress progress)
            throws BackupFailedException, UnusableInputException, CancelledException {
        return new dbmedic.core.postgres.backup.ImmichBackup(dumpSource).backUp(session,
                parentDir == null ? defaultPostgresBackupDir() : parentDir, progress);
    }

    /** Re-reads a PostgreSQL backup folder against its manifest. */
    public dbmedic.core.postgres.backup.BackupCheck checkPostgresBackup(Path folder, Progress progress)
            throws UnusableInputException, CancelledException {
        try {
            return new dbmedic.core.postgres.backup.ImmichBackup().check(folder, progress);
        } catch (dbmedic.core.postgres.backup.NotABackupException e) {
            throw new UnusableInputException(e.getMessage(), e);
        }
    }

    /** Why a PostgreSQL or offline target stops after the diagnosis. */
    public static final String NOT_REPAIRABLE = "An offline folder (a copied PostgreSQL data directory, an Immich compose"
            + " folder) is only read, never changed; back up and migrate the running database through its"
            + " postgresql:// URL (Immich's DB_URL) instead";
}
