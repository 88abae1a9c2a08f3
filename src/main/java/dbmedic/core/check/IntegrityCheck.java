package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.sqlite.SqliteErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@code PRAGMA quick_check} (or {@code integrity_check} on request): is the file itself sound? */
public final class IntegrityCheck implements Check {
    public static final String ID = "sqlite.integrity";
    /** Enough rows to show and count; SQLite stops after this many problems. */
    static final int MAX_ROWS = 100;
    private static final int SHOWN = 5;

    @Override
    public String title() {
        return "Checking the file's integrity";
    }

    @Override
    public List<Finding> run(CheckContext context) throws SQLException {
        long bytes = context.header().fileSize();
        if (!context.options().scans(bytes)) {
            return List.of(scanSkipped(bytes));
        }
        String pragma = context.options().fullIntegrityCheck() ? "integrity_check" : "quick_check";
        List<String> rows = new ArrayList<>();
        String stoppedBy = null;
        try (Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + pragma + "(" + MAX_ROWS + ")")) {
            while (rs.next()) {
                // "*** in database main ***" heads the first problem; the file is the only database here.
                String row = oneLine(rs.getString(1)).replace("*** in database main ***", "").strip();
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            if (SqliteErrors.isInterrupted(e)) {
                throw e;
            }
            // A badly damaged file can make the check itself stop, after or before its first rows.
            stoppedBy = SqliteErrors.plain(e);
        }
        if (stoppedBy != null) {
            String reported = rows.isEmpty() ? "" : " after reporting: " + shown(rows);
            return List.of(damaged(pragma, "PRAGMA " + pragma + " stopped with \"" + stoppedBy + "\"" + reported,
                    rows.isEmpty() ? -1 : rows.size(), context.app().identity().id()));
        }
        if (rows.size() == 1 && rows.get(0).equals("ok")) {
            return List.of(new Finding(ID, Severity.OK, pragma, "The database file is sound",
                    "PRAGMA " + pragma + " returned ok", null, Fix.text("Nothing to do.")));
        }
        return List.of(damaged(pragma, "PRAGMA " + pragma + " reported: " + shown(rows), rows.size(),
                context.app().identity().id()));
    }

    /** The integrity and foreign-key scans read every page: on a large file they are asked for, not assumed. */
    static Finding scanSkipped(long bytes) {
        String size = String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
        return new Finding(SCAN_SKIPPED_ID, Severity.INFO, "quick_check",
                "The integrity and foreign-key scans were not run on this " + size + " database",
                "The file holds " + bytes + " bytes; page-reading checks run by default up to "
                        + (dbmedic.core.diagnose.DiagnoseOptions.AUTO_SCAN_LIMIT_BYTES >> 20) + " MiB",
                "PRAGMA quick_check and foreign_key_check read every page, so on a large file they take time in"
                        + " proportion to its size; the schema checks above do not. A backup made by DB Medic runs"
                        + " integrity_check on its copy anyway, so a repair never starts from a damaged file.",
                Fix.text("To scan the whole file: dbmedic diagnose PATH --scan (or --full-check for"
                        + " integrity_check)."));
    }

    public static final String SCAN_SKIPPED_ID = "sqlite.scan-skipped";

    private static String shown(List<String> rows) {
        String first = String.join("; ", rows.subList(0, Math.min(SHOWN, rows.size())));
        return rows.size() > SHOWN ? first + " (and " + (rows.size() - SHOWN) + " more)" : first;
    }

    public static Finding damaged(String pragma, String evidence, int problems) {
        return damaged(pragma, evidence, problems, null);
    }

    /** {@code appId} adds where that app keeps its own backups, when it makes any. */
    public static Finding damaged(String pragma, String evidence, int problems, String appId) {
        String count = problems < 0 ? "" : problems >= MAX_ROWS ? " (" + MAX_ROWS + " or more problems)"
                : problems == 1 ? " (1 problem)" : " (" + problems + " problems)";
        return new Finding(ID, Severity.ERROR, pragma, "The database file is damaged" + count, evidence,
                "Parts of the file are unreadable or inconsistent. This usually follows a crash or power loss"
                        + " during a write, a failing disk, or the file being copied while the app was writing"
                        + " to it (or without its -wal file).",
                Fix.text("Do not let the app or any tool write to this file. Restore a backup made before the damage"
                        + AppBackups.hint(appId) + ", or salvage what SQLite"
                        + " can still read into a new file with the sqlite3 shell:"
                        + " sqlite3 damaged.db \".recover\" | sqlite3 recovered.db"));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
