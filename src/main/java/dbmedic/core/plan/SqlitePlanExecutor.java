package dbmedic.core.plan;

import dbmedic.core.backup.BackupManifest;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.FileHash;
import dbmedic.core.backup.SqliteConnections;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Applies a plan in one transaction, only after a verified backup; rolls back on any error
 * or cancel, so the database is then as before. Foreign keys are switched off around a
 * rebuild (outside the transaction, as the pragma requires) and every rebuilt table must
 * pass {@code foreign_key_check} before the commit.
 */
public final class SqlitePlanExecutor {
    private static final int BUSY_MILLIS = 3000;

    private SqlitePlanExecutor() {
    }

    public static void apply(SqliteTarget target, RepairPlan plan, BackupResult verifiedBackup, Progress progress)
            throws RepairFailedException, CancelledException {
        checkBackup(target, verifiedBackup);
        if (plan.isEmpty()) {
            return;
        }
        progress.checkCancelled();
        List<String> statements = plan.statements();
        List<String> rebuilt = PlanStatements.rebuiltTables(plan);
        try (Connection c = SqliteConnections.readWrite(target.database(), BUSY_MILLIS);
             Statement st = c.createStatement()) {
            boolean foreignKeysWereOn = pragmaOn(st, "foreign_keys");
            if (!rebuilt.isEmpty() && foreignKeysWereOn) {
                st.execute("PRAGMA foreign_keys=OFF");
            }
            try {
                run(c, st, statements, rebuilt, progress);
            } finally {
                if (!rebuilt.isEmpty() && foreignKeysWereOn) {
                    st.execute("PRAGMA foreign_keys=ON");
                }
            }
        } catch (SQLException e) {
            throw new RepairFailedException("The repair could not run: " + oneLine(e)
                    + ". Nothing was changed.", e);
        }
    }

    private static void run(Connection c, Statement st, List<String> statements, List<String> rebuilt,
                            Progress progress) throws RepairFailedException, CancelledException, SQLException {
        try {
            st.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (busy(e)) {
                throw new RepairFailedException("The database is busy: stop the app first, then repair again. "
                        + "Nothing was changed.", e);
            }
            throw e;
        }
        boolean committed = false;
        try {
            int total = statements.size();
            for (int i = 0; i < total; i++) {
                progress.checkCancelled();
                String sql = statements.get(i);
                progress.update(i, total, "Statement " + (i + 1) + " of " + total);
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new RepairFailedException("Statement " + (i + 1) + " failed: " + sql + " — SQLite said: "
                            + sqliteMessage(e) + ". The transaction was rolled back; the database is unchanged.", e);
                }
            }
            progress.checkCancelled();
            List<String> violations = foreignKeyViolations(c, rebuilt);
            if (!violations.isEmpty()) {
                throw new RepairFailedException("After the rebuild, foreign_key_check found " + violations.size()
                        + " violation(s): " + String.join("; ", violations.subList(0, Math.min(5, violations.size())))
                        + ". The transaction was rolled back; the database is unchanged.");
            }
            st.execute("COMMIT");
            committed = true;
            progress.update(total, total, "Repair committed");
        } finally {
            if (!committed) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // SQLite already rolled back (e.g. after a disk-full error): nothing left to undo
                }
            }
        }
    }

    private static List<String> foreignKeyViolations(Connection c, List<String> tables) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check(?)")) {
            for (String t : tables) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " row " + rs.getString(2) + " has no parent in " + rs.getString(3));
                    }
                }
            }
        }
        return out;
    }

    /** Refuses unless the backup is verified, still on disk with its hash, and of this database. */
    static void checkBackup(SqliteTarget target, BackupResult backup) throws RepairFailedException {
        if (backup == null || !backup.verified()) {
            throw new RepairFailedException("No verified backup: DB Medic repairs only after a verified backup. "
                    + "Nothing was changed.");
        }
        Path file = backup.file();
        try {
            if (!Files.isRegularFile(file) || !FileHash.sha256(file).equals(backup.sha256())) {
                throw new RepairFailedException("The backup " + file + " is missing or changed since it was verified; "
                        + "make a new backup. Nothing was changed.");
            }
            if (backup.manifest() != null && Files.isRegularFile(backup.manifest())) {
                BackupManifest m = BackupManifest.read(backup.manifest());
                Path source = Path.of(m.source()).toAbsolutePath().normalize();
                if (!source.equals(target.database().toAbsolutePath().normalize())) {
                    throw new RepairFailedException("The backup is of another database (" + m.source()
                            + "). Nothing was changed.");
                }
            }
        } catch (IOException e) {
            throw new RepairFailedException("Cannot read the backup " + file + ": " + oneLine(e)
                    + ". Nothing was changed.", e);
        }
    }

    private static boolean pragmaOn(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    private static boolean busy(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED");
        }
        return false;
    }

    /** SQLite's own words, without the driver's "[SQLITE_ERROR] SQL error or missing database" prefix. */
    static String sqliteMessage(SQLException e) {
        String m = oneLine(e);
        int open = m.lastIndexOf('(');
        if (m.startsWith("[") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
