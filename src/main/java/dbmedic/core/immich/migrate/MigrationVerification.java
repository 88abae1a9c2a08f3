package dbmedic.core.immich.migrate;

import java.util.List;

/**
 * The database after a plan compared with what the plan promised and with the backup.
 *
 * @param planId  the plan verified
 * @param checks  every check with its numbers
 * @param tables  per vector table: rows and checksum at backup time and now
 */
public record MigrationVerification(String planId, List<VerificationCheck> checks, List<TableComparison> tables) {
    public MigrationVerification {
        checks = List.copyOf(checks);
        tables = List.copyOf(tables);
    }

    /** Every table holds exactly the rows and values it held at backup time. */
    public boolean lossless() {
        return !tables.isEmpty() && tables.stream().allMatch(TableComparison::same);
    }

    /** Every check passed and nothing was lost. */
    public boolean passed() {
        return lossless() && checks.stream().allMatch(VerificationCheck::passed);
    }
}
