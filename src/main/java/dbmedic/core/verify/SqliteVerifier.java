package dbmedic.core.verify;

import dbmedic.core.sqlite.IntegrityPragma;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.SqliteConnections;
import dbmedic.core.backup.TableRowCounts;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnoser;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-diagnoses after a repair and compares row counts with the backup: ok only when every
 * table holds the rows it held before (minus what the plan said it drops), the database
 * passes integrity_check, no new foreign-key violation appeared, and no repairable finding
 * is left.
 */
public final class SqliteVerifier {
    private SqliteVerifier() {
    }

    /** {@code plan} may be null (verify without a repair: row counts must be equal). */
    public static VerifyResult verify(SqliteTarget target, BackupResult backup, RepairPlan plan,
                                      Diagnoser diagnoser, Progress progress) throws CancelledException {
        List<String> problems = new ArrayList<>();
        Diagnosis after = null;
        if (diagnoser != null) {
            progress.update(-1, -1, "Diagnosing the repaired database");
            try {
                after = diagnoser.diagnose(target, DiagnoseOptions.DEFAULT, progress);
                for (Finding f : after.repairable()) {
                    problems.add("Still needs repair: " + f.summary() + " (" + f.subject() + ")");
                }
            } catch (UnusableInputException e) {
                problems.add("The repaired database could not be diagnosed: " + e.getMessage());
            }
        }
        progress.checkCancelled();
        progress.update(-1, -1, "Counting rows and checking integrity");
        Map<String, long[]> rowCounts = Map.of();
        try (Connection c = SqliteConnections.readOnly(target.database()); Statement st = c.createStatement()) {
            st.execute("BEGIN");
            try {
                Map<String, Long> now = TableRowCounts.count(c);
                RowCountComparison cmp = RowCountComparison.compare(backup.rowCounts(), now,
                        plan == null ? Map.of() : plan.expectedRowChanges());
                rowCounts = cmp.rowCounts();
                problems.addAll(cmp.problems());
                String integrity = IntegrityPragma.integrityCheck(st);
                if (!"ok".equals(integrity)) {
                    problems.add("SQLite's integrity check reports: " + integrity);
                }
                Map<String, Integer> violationsNow = foreignKeyViolations(st);
                Map<String, Integer> violationsBefore = backupViolations(backup.file());
                violationsNow.forEach((table, n) -> {
                    int before = violationsBefore.getOrDefault(table, 0);
                    if (n > before) {
                        problems.add("Table " + table + " has " + RowCountComparison.rows(n) + " whose foreign key has no parent row"
                                + (before == 0 ? "." : " (" + before + " before the repair)."));
                    }
                });
            } finally {
                st.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            problems.add("The repaired database could not be read: " + e.getMessage());
        }
        boolean ok = problems.isEmpty() && (after == null || after.repairable().isEmpty());
        return new VerifyResult(ok, after, rowCounts, problems);
    }

    private static Map<String, Integer> backupViolations(Path backupFile) {
        try (Connection c = SqliteConnections.immutable(backupFile); Statement st = c.createStatement()) {
            return foreignKeyViolations(st);
        } catch (SQLException e) {
            return Map.of(); // the backup was verified when made; without it every violation counts as new
        }
    }

    static Map<String, Integer> foreignKeyViolations(Statement st) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                out.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return out;
    }

}
