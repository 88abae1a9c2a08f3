package dbmedic.core.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What DB Medic recorded about a backup, written beside it as
 * {@code <backup>.manifest.json}: where it came from, its hash and the rows it held, so a
 * later run can check the backup is still the file that was verified.
 * {@code backupFile} is the file name only (the manifest sits beside it).
 */
public record BackupManifest(
        int format,
        String source,
        long sourceBytes,
        long sourceWalBytes,
        String backupFile,
        long bytes,
        String sha256,
        Map<String, Long> rowCounts,
        String integrity,
        String sqliteVersion,
        String createdAt) {

    public static final String SUFFIX = ".manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BackupManifest {
        rowCounts = rowCounts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    }

    public static Path pathFor(Path backupFile) {
        return backupFile.resolveSibling(backupFile.getFileName() + SUFFIX);
    }

    public void write(Path manifest) throws IOException {
        JSON.writeValue(manifest.toFile(), this);
    }

    public static BackupManifest read(Path manifest) throws IOException {
        return JSON.readValue(manifest.toFile(), BackupManifest.class);
    }

    /** The backup file this manifest describes. */
    public Path backupPath(Path manifest) {
        return manifest.resolveSibling(backupFile);
    }

    /** True when the backup file exists and still has the recorded SHA-256. */
    public boolean fileMatches(Path manifest) {
        Path file = backupPath(manifest);
        try {
            return Files.isRegularFile(file) && Files.size(file) == bytes && FileHash.sha256(file).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    /** The manifest as a backup result; verified only when the file still matches and was ok. */
    public BackupResult toResult(Path manifest) {
        boolean verified = "ok".equals(integrity) && fileMatches(manifest);
        return new BackupResult(backupPath(manifest), manifest, bytes, sha256, rowCounts, integrity, verified,
                Instant.parse(createdAt));
    }
}
