package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.backup.PgBackupManifest.DumpEntry;
import dbmedic.core.postgres.backup.PgBackupManifest.TableEntry;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Re-reads every file of a backup folder against its manifest: each {@code .gz} is hashed as a
 * file and, decompressed, its rows are counted and hashed again, so a changed, truncated or
 * swapped file is caught whether or not its gzip is still valid.
 */
final class BackupVerifier {
    private BackupVerifier() {
    }

    /** One plain sentence per problem; empty when everything matched. */
    static List<String> problems(Path folder, PgBackupManifest manifest, Progress progress) throws CancelledException {
        List<String> problems = new ArrayList<>();
        for (TableEntry t : manifest.tables()) {
            progress.checkCancelled();
            checkTable(folder, t, progress, problems);
            checkPlainFile(folder, t.ddlFile(), -1, t.ddlSha256(), problems);
        }
        DumpEntry dump = manifest.dump();
        if (dump != null) {
            progress.message("Checking " + dump.file());
            checkPlainFile(folder, dump.file(), dump.bytes(), dump.sha256(), problems);
        }
        return problems;
    }

    private static void checkTable(Path folder, TableEntry t, Progress progress, List<String> problems)
            throws CancelledException {
        Path file = folder.resolve(t.dataFile());
        if (!Files.isRegularFile(file)) {
            problems.add(t.dataFile() + " is missing.");
            return;
        }
        MessageDigest fileDigest = Sha256.digest();
        RowStreamDigest rows = new RowStreamDigest(null, progress, t.rows(), "Checking " + t.table());
        try (InputStream in = new GZIPInputStream(new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                fileDigest), 1 << 16)) {
            in.transferTo(rows);
        } catch (IOException e) {
            if (e.getCause() instanceof CancelledException cancelled) {
                throw cancelled;
            }
            problems.add(t.dataFile() + " cannot be read back (" + e.getMessage() + "): it is damaged.");
            return;
        }
        if (!Sha256.hex(fileDigest).equals(t.dataSha256())) {
            problems.add(t.dataFile() + " has changed since the backup was made (its SHA-256 differs).");
        }
        if (rows.rows() != t.rows() || !rows.sha256().equals(t.sha256())) {
            problems.add(t.dataFile() + " holds " + rows.rows() + " rows with checksum " + shortHash(rows.sha256())
                    + "; the manifest recorded " + t.rows() + " rows with checksum " + shortHash(t.sha256()) + ".");
        }
    }

    private static void checkPlainFile(Path folder, String name, long bytes, String sha256, List<String> problems) {
        Path file = folder.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(name + " is missing.");
            } else if (bytes >= 0 && Files.size(file) != bytes) {
                problems.add(name + " has " + Files.size(file) + " bytes; the manifest recorded " + bytes + ".");
            } else if (!Sha256.ofFile(file).equals(sha256)) {
                problems.add(name + " has changed since the backup was made (its SHA-256 differs).");
            }
        } catch (IOException e) {
            problems.add(name + " cannot be read (" + e.getMessage() + ").");
        }
    }

    static String shortHash(String sha256) {
        return sha256 == null ? "none" : sha256.substring(0, Math.min(12, sha256.length()));
    }
}
