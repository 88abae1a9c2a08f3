package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ForeignKeyRule;
import dbmedic.core.sqlite.SqlIdentifiers;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA foreign_key_check}, grouped by child and parent table. Rows that point at
 * a parent the pack calls wrong (models_old) are left to {@link ForeignKeyParentCheck},
 * which reports their cause instead of each row.
 */
public final class ForeignKeyCheck implements Check {
    public static final String ID = "sqlite.foreign-keys";

    @Override
    public String title() {
        return "Checking foreign keys";
    }

    @Override
    public List<Finding> run(CheckContext context) throws SQLException {
        if (!context.options().scans(context.header().fileSize())) {
            return List.of(); // IntegrityCheck says the scans were skipped, once for both
        }
        List<ForeignKeyRule> rules = context.driftBaseline().map(e -> e.foreignKeyRules()).orElse(List.of());
        List<Finding> findings = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        try (Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT \"table\", parent, count(DISTINCT rowid), count(*)"
                     + " FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (coveredByRule(rules, child, parent)) {
                    covered.add(child + " → " + parent);
                    continue;
                }
                long rows = rs.getLong(3);
                long violations = rs.getLong(4);
                // WITHOUT ROWID tables report no rowid: count the violations instead.
                findings.add(broken(child, parent, rows == 0 ? violations : rows, violations,
                        rows == 0 ? List.of() : firstRowids(context, child, parent)));
            }
        }
        if (findings.isEmpty() && !covered.isEmpty()) {
            findings.add(new Finding(ID, Severity.OK, "foreign_key_check",
                    "No broken foreign keys apart from those reported as pointing to the wrong table",
                    "PRAGMA foreign_key_check reports only " + String.join(", ", covered) + ", covered by "
                            + ForeignKeyParentCheck.ID + ".", null, Fix.text("Nothing else to do.")));
        } else if (findings.isEmpty()) {
            findings.add(new Finding(ID, Severity.OK, "foreign_key_check", "Every foreign key points to an existing row",
                    "PRAGMA foreign_key_check returned no rows", null, Fix.text("Nothing to do.")));
        }
        return findings;
    }

    static boolean coveredByRule(List<ForeignKeyRule> rules, String child, String parent) {
        return rules.stream().anyMatch(r -> r.table().equalsIgnoreCase(child) && r.wrongParent().equalsIgnoreCase(parent));
    }

    private static List<Long> firstRowids(CheckContext context, String child, String parent) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = context.connection().prepareStatement(
                "SELECT DISTINCT rowid FROM pragma_foreign_key_check(?) WHERE parent = ? ORDER BY rowid LIMIT 6")) {
            ps.setString(1, child);
            ps.setString(2, parent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Finding broken(String child, String parent, long rows, long violations, List<Long> rowids) {
        String rowWord = rows == 1 ? "1 row" : rows + " rows";
        String sample = rowids.isEmpty() ? "" : "; rowids " + firstIds(rowids);
        String keys = violations > rows ? " (" + violations + " broken keys)" : "";
        return new Finding(ID, Severity.ERROR, child,
                rowWord + " of " + child + " point to rows missing from " + parent,
                "PRAGMA foreign_key_check: " + rowWord + " in " + child + " reference " + parent
                        + " rows that do not exist" + keys + sample,
                "Rows were deleted from " + parent + " while foreign keys were not enforced (by the app, a script or"
                        + " a hand edit), or rows were copied into " + child + " without their parents.",
                new Fix("These rows point at nothing. Look at them with the statement below; after a backup,"
                        + " delete them or restore the missing parent rows.",
                        List.of("PRAGMA foreign_key_check(" + SqlIdentifiers.quote(child) + ");")));
    }

    private static String firstIds(List<Long> ids) {
        List<String> shown = ids.stream().limit(5).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > 5 ? ", ..." : "");
    }
}
