package dbmedic.core.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A backup that was written and then verified: {@code integrity} is the copy's
 * {@code integrity_check} answer ("ok"), {@code rowCounts} the rows per table in the copy
 * (equal to the source when verified), {@code sha256} the copy's hash, also recorded in
 * {@code manifest}.
 */
public record BackupResult(Path file, Path manifest, long bytes, String sha256, Map<String, Long> rowCounts,
                           String integrity, boolean verified, Instant at) {
    public BackupResult {
        rowCounts = Map.copyOf(rowCounts);
    }
}
