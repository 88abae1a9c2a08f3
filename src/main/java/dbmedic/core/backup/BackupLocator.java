package dbmedic.core.backup;

import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the DB Medic backup to verify a database against: a given backup file or manifest,
 * or the newest backup of this database in a folder (default: the database's own folder).
 * A manifest counts only when it names this database as its source.
 */
public final class BackupLocator {
    private BackupLocator() {
    }

    public static Optional<BackupResult> find(SqliteTarget target, Path fileOrDir) throws UnusableInputException {
        if (fileOrDir != null && Files.isRegularFile(fileOrDir)) {
            Path manifest = fileOrDir.getFileName().toString().endsWith(BackupManifest.SUFFIX)
                    ? fileOrDir : BackupManifest.pathFor(fileOrDir);
            if (!Files.isRegularFile(manifest)) {
                throw new UnusableInputException(fileOrDir + " is not a DB Medic backup: " + manifest.getFileName()
                        + " is missing beside it");
            }
            return Optional.of(read(manifest));
        }
        if (fileOrDir != null && !Files.isDirectory(fileOrDir)) {
            throw new UnusableInputException("No such backup file or folder: " + fileOrDir);
        }
        Path folder = fileOrDir != null ? fileOrDir : target.database().toAbsolutePath().getParent();
        Path database = target.database().toAbsolutePath().normalize();
        List<Candidate> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(p -> p.getFileName().toString().endsWith(BackupManifest.SUFFIX))
                    .map(BackupLocator::candidate)
                    .flatMap(Optional::stream)
                    .filter(c -> Path.of(c.manifest().source()).toAbsolutePath().normalize().equals(database))
                    .toList();
        } catch (IOException e) {
            throw new UnusableInputException("Cannot list backups in " + folder + ": " + e.getMessage(), e);
        }
        Optional<Candidate> newest = candidates.stream().max(Comparator.comparing(Candidate::created));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(newest.get().path()));
    }

    private record Candidate(Path path, BackupManifest manifest, Instant created) {
    }

    private static Optional<Candidate> candidate(Path manifestPath) {
        try {
            BackupManifest m = BackupManifest.read(manifestPath);
            return Optional.of(new Candidate(manifestPath, m, Instant.parse(m.createdAt())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not ours, or unreadable: not a candidate
        }
    }

    private static BackupResult read(Path manifest) throws UnusableInputException {
        try {
            return SqliteBackup.fromManifest(manifest);
        } catch (BackupFailedException e) {
            throw new UnusableInputException(e.getMessage(), e);
        }
    }
}
