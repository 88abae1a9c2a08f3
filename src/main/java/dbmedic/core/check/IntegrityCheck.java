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
