package dbmedic.core.postgres.backup;

import dbmedic.core.Version;
import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.backup.PgBackupManifest.DumpEntry;
import dbmedic.core.postgres.backup.PgBackupManifest.TableEntry;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The verified backup of an Immich database before a change: a {@code pg_dump -Fc} of the
 * whole database when a compatible pg_dump is at hand (or the {@link DumpSource} given), and
 * always the vector tables as gzip'd COPY data with their DDL and content checksums. The
 * folder is written as {@code <name>.partial} and renamed only once every file was re-read and
 * matched, so an interrupted backup never looks complete. Only reads the database.
 */
public final class ImmichBackup {
    /** The vector tables and their keys (immich.md §5.1). */
    static final List<String[]> TABLES = List.of(new String[] {"smart_search", "assetId"}, new String[] {"face_search", "faceId"});

    private final Optional<DumpSource> dumpSource;
    private final PgDumpLocator locator;

    /** Uses a local pg_dump when one of at least the server's major is found. */
    public ImmichBackup() {
        this(null, new PgDumpLocator());
    }

    /** Uses {@code dumpSource} for the whole-database dump (e.g. pg_dump in the server's container over SSH). */
    public ImmichBackup(DumpSource dumpSource) {
        this(dumpSource, new PgDumpLocator());
    }

    /** {@code dumpSource} null: look for a local pg_dump with {@code locator}. */
    public ImmichBackup(DumpSource dumpSource, PgDumpLocator locator) {
        this.dumpSource = Optional.ofNullable(dumpSource);
        this.locator = locator == null ? new PgDumpLocator() : locator;
    }

    /**
     * Backs up into a new folder under {@code parentDir}; only reads the database.
     *
     * @throws BackupFailedException the backup could not be written or did not verify (nothing complete-looking is left)
     * @throws UnusableInputException the database could not be reached
     * @throws CancelledException the user cancelled (the partial folder is deleted)
     */
    public PgBackupResult backUp(PgSession session, Path parentDir, Progress progress)
            throws BackupFailedException, UnusableInputException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ServerFacts facts;
        List<TableEntry> tables = new ArrayList<>();
        Path partial;
        Path finalFolder;
        try {
            Files.createDirectories(parentDir);
            finalFolder = freeName(parentDir, BackupFiles.folderName(session.target().database(), createdAt));
            partial = finalFolder.resolveSibling(finalFolder.getFileName() + BackupFiles.PARTIAL_SUFFIX);
            Files.createDirectory(partial);
        } catch (IOException e) {
            throw new BackupFailedException("The backup folder could not be created in " + parentDir + ": " + e.getMessage(), e);
        }
        boolean complete = false;
        DumpOutcome dump;
        BackupOrigin origin;
        try (Connection c = readOnlyWithoutTimeout(session)) {
            facts = ServerFacts.read(c);
            if (facts.tables().isEmpty()) {
                throw new BackupFailedException("Database " + session.target().database()
                        + " has neither smart_search nor face_search: it does not look like Immich's, so there is nothing to back up.");
            }
            // One snapshot for every table and, through pg_dump --snapshot, for the dump too:
            // all files describe one moment.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot = exportSnapshot(c);
            origin = BackupOrigin.read(c, facts.tables());
            for (String[] t : TABLES) {
                if (facts.tables().contains(t[0])) {
                    p.message("Copying " + t[0]);
                    tables.add(VectorTableBackup.backUp(c, t[0], t[1], partial, createdAt.toString(), p));
                }
            }
            // The transaction stays open while pg_dump imports its snapshot.
            dump = dump(session, facts, partial, snapshot, p);
            c.commit();
        } catch (SQLException e) {
            deleteTree(partial);
            throw new BackupFailedException("Reading the vector tables failed: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteTree(partial);
            throw new BackupFailedException("Writing the backup failed: " + e.getMessage(), e);
        } catch (BackupFailedException | UnusableInputException | CancelledException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
        try {
            PgBackupManifest manifest = new PgBackupManifest(PgBackupManifest.FORMAT, Version.current(),
                    session.target().displayName(), facts.serverVersion(), facts.major(), facts.immichVersion(),
                    createdAt.toString(), null, tables, dump.entry(), dump.note(), origin);
            manifest.write(partial);
            p.message("Verifying the backup");
            List<String> problems = BackupVerifier.problems(partial, manifest, p);
            if (!problems.isEmpty()) {
                throw new BackupFailedException("The backup did not verify: " + String.join(" ", problems));
            }
            manifest = manifest.verified(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            manifest.write(partial);
            Files.move(partial, finalFolder, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
            return toResult(finalFolder, manifest);
        } catch (IOException e) {
            throw new BackupFailedException("Writing the backup failed: " + e.getMessage(), e);
        } finally {
            if (!complete) {
                deleteTree(partial);
            }
        }
    }

    /**
     * A read-only session without the diagnosis' statement and socket timeouts: one COPY of
     * 200k embeddings takes longer than those allow. The lock timeout stays, so the backup
     * never queues behind a running migration.
     */
    static Connection readOnlyWithoutTimeout(PgSession session) throws UnusableInputException, SQLException {
        Connection c = session.forChange("backup");
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private record DumpOutcome(DumpEntry entry, String note) {
    }

    /** The whole-database dump, when one can be made; its absence is a plain note, never a failure. */
    private DumpOutcome dump(PgSession session, ServerFacts facts, Path folder, String snapshot, Progress p)
            throws CancelledException, IOException {
        Optional<PgTools> local = locator.find(facts.major());
        DumpSource source = dumpSource.orElse(null);
        if (source == null) {
            if (local.isEmpty()) {
                String only = "; only the vector tables were backed up";
                return new DumpOutcome(null, locator.newestMajor()
                        .map(m -> "pg_dump " + m + " on this computer is older than the server (" + facts.major() + ")" + only)
                        .orElse("No pg_dump was found on this computer" + only));
            }
            source = new PgDumpRunner(session, local.get(), facts.tables());
        }
        Path file = folder.resolve(BackupFiles.dumpFileName(session.target().database()));
        p.message("Dumping the whole database with pg_dump");
        DumpFile dump;
        String moment = "";
        try {
            if (snapshot != null && source.usesSnapshots()) {
                try {
                    dump = source.dumpTo(file, snapshot, p);
                    moment = ", from the same snapshot as the vector tables";
                } catch (DumpFailedException e) {
                    // E.g. a connection pooler that cannot import snapshots: a dump of a moment later is still a dump.
                    PgDumpRunner.deleteQuietly(file);
                    dump = source.dumpTo(file, p);
                    moment = ", a moment after the vector tables (the shared snapshot failed: " + firstLine(e.getMessage()) + ")";
                }
            } else {
                dump = source.dumpTo(file, p);
            }
        } catch (DumpFailedException e) {
            PgDumpRunner.deleteQuietly(file);
            return new DumpOutcome(null, "pg_dump failed, so only the vector tables were backed up: " + e.getMessage());
        }
        int toc = -1;
        String checked;
        if (local.isPresent()) {
            try {
                toc = PgDumpRunner.list(local.get(), dump.file(), p).entries();
                checked = "; pg_restore --list reads " + toc + " entries";
            } catch (DumpFailedException e) {
                PgDumpRunner.deleteQuietly(file);
                return new DumpOutcome(null, "The pg_dump file was not usable, so only the vector tables were backed up: "
                        + e.getMessage());
            }
        } else {
            checked = "; not checked with pg_restore --list (no pg_restore " + facts.major() + " or newer on this computer)";
        }
        return new DumpOutcome(new DumpEntry(dump.file().getFileName().toString(), Files.size(dump.file()),
                Sha256.ofFile(dump.file()), toc, dump.producedBy()), "Made by " + dump.producedBy() + moment + checked + ".");
    }

    /**
     * {@code pg_export_snapshot()} as the transaction's first statement, or null where the server
     * refuses it (pg_dump then takes its own). Not in a savepoint: a subtransaction cannot
     * export; on refusal the (still empty) transaction is rolled back and a new one begins.
     */
    private static String exportSnapshot(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            c.rollback();
            return null;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    /** Reads a backup folder's manifest (no file is re-checked: {@code verified} is what was recorded). */
    public static PgBackupResult read(Path backupFolder) throws NotABackupException {
        return toResult(backupFolder, manifestOf(backupFolder));
    }

    /** Re-reads every file of the folder against its manifest; {@code verified} says whether all matched. */
    public PgBackupResult verify(Path backupFolder, Progress progress) throws NotABackupException, CancelledException {
        return check(backupFolder, progress).result();
    }

    /** Like {@link #verify}, with the plain reason for each mismatch. */
    public BackupCheck check(Path backupFolder, Progress progress) throws NotABackupException, CancelledException {
        PgBackupManifest manifest = manifestOf(backupFolder);
        List<String> problems = new ArrayList<>(BackupVerifier.problems(backupFolder, manifest,
                progress == null ? Progress.NONE : progress));
        if (manifest.verifiedAt() == null) {
            problems.add(0, "The backup was never verified when it was made.");
        }
        PgBackupResult r = toResult(backupFolder, manifest);
        return new BackupCheck(new PgBackupResult(r.folder(), r.dumpFile(), r.dumpNote(), r.tables(), problems.isEmpty(),
                r.createdAt(), r.serverVersion(), r.immichVersion(), r.bytes(), r.origin()), problems);
    }

    /**
     * The newest finished DB Medic backup of {@code target} (its manifest names the same
     * database, user, host and port) among the folders of {@code parent}; empty when none.
     */
    public static Optional<Path> newestOf(Path parent, dbmedic.core.postgres.PostgresTarget target) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        Path best = null;
        Instant bestAt = null;
        try (Stream<Path> folders = Files.list(parent)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try {
                    PgBackupManifest m = manifestOf(folder);
                    Instant at = Instant.parse(m.createdAt());
                    boolean later = bestAt == null || at.isAfter(bestAt)
                            // Same second: the later folder has the suffixed, greater name.
                            || (at.equals(bestAt) && folder.getFileName().toString().compareTo(best.getFileName().toString()) > 0);
                    if (target.displayName().equals(m.target()) && later) {
                        best = folder;
                        bestAt = at;
                    }
                } catch (NotABackupException | RuntimeException notOurs) {
                    // Another folder, an interrupted backup or an unreadable manifest: not a candidate.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(best);
    }

    static PgBackupManifest manifestOf(Path folder) throws NotABackupException {
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        if (name.endsWith(BackupFiles.PARTIAL_SUFFIX)) {
            throw new NotABackupException(folder + " is an unfinished backup (it was interrupted); it cannot be used.");
        }
        if (!Files.isDirectory(folder)) {
            throw new NotABackupException(folder + " is not a folder; give the backup folder DB Medic wrote (immich-<database>-<date>).");
        }
        Path manifest = folder.resolve(BackupFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new NotABackupException(folder + " is not a DB Medic PostgreSQL backup (it has no " + BackupFiles.MANIFEST + ").");
        }
        try {
            PgBackupManifest m = PgBackupManifest.read(manifest);
            if (m.format() > PgBackupManifest.FORMAT) {
                throw new NotABackupException(folder + " was written by a newer DB Medic (backup format " + m.format()
                        + "); use that version.");
            }
            return m;
        } catch (IOException e) {
            throw new NotABackupException(folder + " is not a DB Medic PostgreSQL backup (its " + BackupFiles.MANIFEST
                    + " cannot be read: " + e.getMessage() + ").", e);
        }
    }

    private static PgBackupResult toResult(Path folder, PgBackupManifest m) {
        Optional<Path> dump = m.dump() == null ? Optional.empty() : Optional.of(folder.resolve(m.dump().file()));
        return new PgBackupResult(folder, dump, m.dumpNote(), m.tables().stream().map(TableEntry::snapshot).toList(),
                m.verifiedAt() != null, Instant.parse(m.createdAt()), m.serverVersion(), m.immichVersion(), folderBytes(folder),
                m.origin());
    }

    private static long folderBytes(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path freeName(Path parent, String name) {
        Path candidate = parent.resolve(name);
        for (int i = 2; Files.exists(candidate) || Files.exists(candidate.resolveSibling(candidate.getFileName() + BackupFiles.PARTIAL_SUFFIX)); i++) {
            candidate = parent.resolve(name + "-" + i);
        }
        return candidate;
    }

    static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // What stays keeps its .partial folder name: it never looks complete.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
