package dbmedic.core.verify;

import dbmedic.core.diagnose.Diagnosis;
import java.util.List;
import java.util.Map;

/**
 * The database after a repair, compared with the backup taken before it:
 * {@code rowCounts} maps table → {before, after}; {@code problems} lists every mismatch
 * in plain words; {@code ok} when there is none and the new diagnosis has no repairable errors left.
 */
public record VerifyResult(boolean ok, Diagnosis after, Map<String, long[]> rowCounts, List<String> problems) {
    public VerifyResult {
        rowCounts = Map.copyOf(rowCounts);
        problems = List.copyOf(problems);
    }
}
