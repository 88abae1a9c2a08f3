package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ForeignKeyRule;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.sqlite.SqlIdentifiers;
import dbmedic.core.sqlite.TableInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Foreign keys that reference the wrong parent table (InvokeAI's model_relationships →
 * "models_old" after migration 22). Decided from {@code PRAGMA foreign_key_list}'s parent
 * column, not from a substring of the CREATE text (a comment or a column named models_old
 * must not count); the CREATE text is only quoted as evidence.
 */
public final class ForeignKeyParentCheck implements Check {
    public static final String ID = "sqlite.fk-wrong-parent";

    @Override
    public String title() {
        return "Checking which tables foreign keys point to";
    }

    @Override
    public List<Finding> run(CheckContext context) throws SQLException {
        Optional<ExpectedSchema> expected = context.driftBaseline();
        if (expected.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ForeignKeyRule rule : expected.get().foreignKeyRules()) {
            Optional<TableInfo> child = context.schema().table(rule.table());
            if (child.isEmpty()) {
                continue;
            }
            Set<String> wrongColumns = columnsReferencing(context, child.get().name(), rule.wrongParent());
            if (!wrongColumns.isEmpty()) {
                findings.add(wrongParent(context, child.get(), rule, wrongColumns));
            }
        }
        return findings;
    }

    /** Child columns whose foreign key names {@code parent} (case-insensitively, as SQLite resolves it). */
    static Set<String> columnsReferencing(CheckContext context, String child, String parent) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (PreparedStatement ps = context.connection().prepareStatement(
                "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = ? COLLATE NOCASE ORDER BY \"from\"")) {
            ps.setString(1, child);
            ps.setString(2, parent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Finding wrongParent(CheckContext context, TableInfo child, ForeignKeyRule rule, Set<String> columns)
            throws SQLException {
        String table = child.name();
        String wrong = rule.wrongParent();
        String right = rule.rightParent();
        List<String> clauses = ReferencesClauses.find(child.sql(), wrong);
        String quoted = clauses.isEmpty() ? "its foreign keys on " + String.join(", ", columns) + " reference " + wrong
                : String.join("; ", clauses);
        boolean wrongExists = context.schema().hasTable(wrong);
        long brokenRows = rowsFailing(context, table, wrong);
        long orphans = context.schema().hasTable(right) ? orphansOfRightParent(context, table, wrong, right) : -1;
        String evidence = "The CREATE TABLE of " + table + " says " + quoted + " (PRAGMA foreign_key_list: "
                + String.join(", ", columns) + " → " + wrong + "). Table " + wrong
                + (wrongExists ? " exists but is not the table the app uses; " : " does not exist; ")
                + "the app's table is " + right + (context.schema().hasTable(right) ? "." : ", which is missing too.")
                + (brokenRows > 0 ? " PRAGMA foreign_key_check reports " + brokenRows + " rows of " + table
                + " whose keys find no parent in " + wrong + "." : "")
                + (orphans > 0 ? " " + orphans + " of them also match no row of " + right + " and would be dropped by the repair."
                : orphans == 0 ? " Every row matches a row of " + right + ", so the repair keeps them all." : "");
        String cause = rule.note() != null && !rule.note().isBlank() ? rule.note()
                : DriftText.knownCause(context, ID, table, "no such table: main." + wrong).orElse("An earlier migration rebuilt " + right
                + " by renaming it to " + wrong + ", creating a new " + right + " and dropping " + wrong
                + ". SQLite rewrote " + table + "'s foreign keys to follow the rename, so they still point at "
                + wrong + ". Deleting from " + right + " no longer cleans up " + table + ", and inserting into "
                + table + " fails with \"no such table: main." + wrong + "\".");
        return new Finding(ID, Severity.ERROR, table,
                "Foreign keys of " + table + " point to " + wrong + " instead of " + right,
                evidence, cause,
                Fix.text("Rebuild " + table + " with its foreign keys pointing to " + right + ", after a verified"
                        + " backup, keeping every row whose keys still match a row of " + right
                        + " (rows that point at nothing are dropped, as the app's own repair does)."),
                List.of(new RepairAction.RepointForeignKeys(table, wrong, right)));
    }

    /**
     * Rows of {@code child} whose keys (those now naming {@code wrong}) match no row of
     * {@code right}: what a repair that repoints the keys must drop. Keys without an explicit
     * parent column are skipped (-1 when none can be checked).
     */
    private static long orphansOfRightParent(CheckContext context, String child, String wrong, String right)
            throws SQLException {
        java.util.Map<Integer, List<String[]>> keys = new java.util.TreeMap<>();
        try (PreparedStatement ps = context.connection().prepareStatement(
                "SELECT id, \"from\", \"to\" FROM pragma_foreign_key_list(?) WHERE \"table\" = ? COLLATE NOCASE")) {
            ps.setString(1, child);
            ps.setString(2, wrong);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<String> conditions = new ArrayList<>();
        for (List<String[]> key : keys.values()) {
            if (key.stream().anyMatch(pair -> pair[1] == null)) {
                continue;
            }
            List<String> notNull = new ArrayList<>();
            List<String> match = new ArrayList<>();
            for (String[] pair : key) {
                notNull.add("c." + SqlIdentifiers.quote(pair[0]) + " IS NOT NULL");
                match.add("p." + SqlIdentifiers.quote(pair[1]) + " = c." + SqlIdentifiers.quote(pair[0]));
            }
            conditions.add("(" + String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM "
                    + SqlIdentifiers.quote(right) + " p WHERE " + String.join(" AND ", match) + "))");
        }
        if (conditions.isEmpty()) {
            return -1;
        }
        try (java.sql.Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqlIdentifiers.quote(child) + " c WHERE "
                     + String.join(" OR ", conditions))) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // e.g. the parent column does not exist in the right parent: no count, the finding stands
        }
    }

    private static long rowsFailing(CheckContext context, String table, String parent) throws SQLException {
        try (PreparedStatement ps = context.connection().prepareStatement(
                "SELECT count(DISTINCT rowid) FROM pragma_foreign_key_check(?) WHERE parent = ? COLLATE NOCASE")) {
            ps.setString(1, table);
            ps.setString(2, parent);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
