package dbmedic.core.plan;

import static dbmedic.core.sqlite.SqlIdentifiers.quote;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.sqlite.ColumnInfo;
import dbmedic.core.sqlite.ReadOnlyDatabase;
import dbmedic.core.sqlite.SqliteOpener;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteSchemaReader;
import dbmedic.core.sqlite.TableInfo;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a diagnosis' repair actions into exact statements for the live schema: plain
 * {@code ALTER TABLE ... ADD COLUMN} where SQLite allows it ({@link AddColumnRules}), the
 * 12-step rebuild ({@link TableRebuild}) where it does not or where foreign keys must be
 * repointed. Reads the database without writing to it. Steps: created tables, added
 * columns, rebuilds.
 */
public final class SqliteRepairPlanner {
    /** Conservative: the app may enable foreign keys, so a REFERENCES column with a default is rebuilt. */
    private static final boolean ASSUME_FOREIGN_KEYS_ON = true;
    /** Alias of the parent table in the orphan test; unlikely to be a table's own name. */
    private static final String PARENT_ALIAS = "\"dbmedic_parent\"";

    private SqliteRepairPlanner() {
    }

    public static RepairPlan plan(SqliteTarget target, Diagnosis diagnosis) throws UnusableInputException {
        // The same no-write opening as diagnosis: immutable, or a private copy when a -wal/-journal exists.
        try (ReadOnlyDatabase db = SqliteOpener.open(target)) {
            return plan(db.connection(), diagnosis.findings());
        } catch (SQLException e) {
            throw new UnusableInputException("Cannot read the database to plan the repair: "
                    + e.getMessage().replaceAll("\\s+", " "), e);
        }
    }

    /** Plans against an open connection (read only; it is never written). */
    public static RepairPlan plan(Connection db, List<Finding> findings) throws SQLException {
        SchemaSnapshot schema = SqliteSchemaReader.read(db);
        List<PlanStep> creates = new ArrayList<>();
        List<PlanStep> adds = new ArrayList<>();
        List<PlanStep> rebuilds = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Long> rowChanges = new TreeMap<>();
        Map<String, List<RepairAction.AddColumn>> columns = new LinkedHashMap<>();
        Map<String, List<RepairAction.RepointForeignKeys>> repoints = new LinkedHashMap<>();
        List<String> created = new ArrayList<>();

        for (Finding f : findings) {
            for (RepairAction a : f.actions()) {
                if (a instanceof RepairAction.CreateTable c) {
                    if (schema.hasTable(c.table()) || created.contains(key(c.table()))) {
                        notes.add("Table " + c.table() + " already exists; it is not created again.");
                    } else {
                        created.add(key(c.table()));
                        creates.add(new PlanStep("Create table " + c.table(), c.table(),
                                c.statements().stream().map(SqliteRepairPlanner::statementText).toList()));
                    }
                } else if (a instanceof RepairAction.AddColumn c) {
                    columns.computeIfAbsent(key(c.table()), k -> new ArrayList<>()).add(c);
                } else if (a instanceof RepairAction.RepointForeignKeys r) {
                    repoints.computeIfAbsent(key(r.table()), k -> new ArrayList<>()).add(r);
                }
            }
        }

        List<String> tables = new ArrayList<>(columns.keySet());
        repoints.keySet().stream().filter(t -> !tables.contains(t)).forEach(tables::add);
        for (String t : tables) {
            List<RepairAction.AddColumn> cols = columns.getOrDefault(t, List.of());
            List<RepairAction.RepointForeignKeys> reps = repoints.getOrDefault(t, List.of());
            TableInfo table = schema.table(t).orElse(null);
            if (table == null) {
                String name = !cols.isEmpty() ? cols.get(0).table() : reps.get(0).table();
                notes.add(created.contains(t)
                        ? "Table " + name + " is created by this plan with all its columns."
                        : "Table " + name + " does not exist, so it cannot be changed; nothing is planned for it.");
                continue;
            }
            planTable(db, schema, table, cols, reps, adds, rebuilds, notes, rowChanges);
        }
        List<PlanStep> steps = new ArrayList<>(creates);
        steps.addAll(adds);
        steps.addAll(rebuilds);
        return new RepairPlan(steps, rowChanges, notes);
    }

    private static void planTable(Connection db, SchemaSnapshot schema, TableInfo table,
                                  List<RepairAction.AddColumn> cols, List<RepairAction.RepointForeignKeys> reps,
                                  List<PlanStep> adds, List<PlanStep> rebuilds, List<String> notes,
                                  Map<String, Long> rowChanges) throws SQLException {
        String name = table.name();
        List<RepairAction.AddColumn> wanted = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean needsRebuild = false;
        for (RepairAction.AddColumn c : cols) {
            if (table.hasColumn(c.column()) || seen.contains(key(c.column()))) {
                notes.add("Column " + name + "." + c.column() + " already exists; it is not added again.");
                continue;
            }
            if (!singleDefinition(c.definition())) {
                notes.add("The definition of " + name + "." + c.column() + " is not a single column definition; "
                        + "it is not added: " + c.definition());
                continue;
            }
            seen.add(key(c.column()));
            wanted.add(c);
            if (!AddColumnRules.classify(c.definition(), ASSUME_FOREIGN_KEYS_ON).allowed()) {
                needsRebuild = true;
            }
        }
        if (isVirtual(table)) {
            if (!wanted.isEmpty() || !reps.isEmpty()) {
                notes.add("Table " + name + " is a virtual table; DB Medic does not change it.");
            }
            return;
        }
        if (!needsRebuild && reps.isEmpty()) {
            for (RepairAction.AddColumn c : wanted) {
                adds.add(new PlanStep("Add column " + name + "." + c.column(), name, List.of(addColumnStatement(c, name))));
            }
            return;
        }
        rebuild(db, schema, table, wanted, reps, rebuilds, notes, rowChanges);
    }

    private static void rebuild(Connection db, SchemaSnapshot schema, TableInfo table,
                                List<RepairAction.AddColumn> wanted, List<RepairAction.RepointForeignKeys> reps,
                                List<PlanStep> rebuilds, List<String> notes, Map<String, Long> rowChanges)
            throws SQLException {
        String name = table.name();
        CreateTableSql create;
        try {
            create = CreateTableSql.parse(table.sql());
        } catch (IllegalArgumentException e) {
            notes.add("The CREATE TABLE text of " + name + " could not be read (" + e.getMessage()
                    + "); the table is not rebuilt.");
            return;
        }
        long rows = count(db, "SELECT count(*) FROM " + quote(name));
        boolean hasPrimaryKey = table.columns().stream().anyMatch(c -> c.primaryKeyIndex() > 0);
        List<TableRebuild.NewColumn> added = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (RepairAction.AddColumn c : wanted) {
            ColumnDefinition d = ColumnDefinition.parse(c.definition());
            if (d.primaryKey() && hasPrimaryKey) {
                notes.add("Column " + name + "." + c.column() + " is declared PRIMARY KEY but the table already "
                        + "has a primary key; it is not added.");
                continue;
            }
            if (d.notNull() && !d.nonNullDefault() && !d.generated() && c.fillValue() == null && rows > 0) {
                notes.add("Column " + name + "." + c.column() + " is NOT NULL without a default, and no value is "
                        + "known for the " + rows + " existing row" + (rows == 1 ? "" : "s")
                        + "; DB Medic cannot add it. Restore the app's own backup or ask the app's maintainers.");
                continue;
            }
            added.add(new TableRebuild.NewColumn(c.column(), c.definition().strip(), c.fillValue()));
            what.add(c.column());
        }
        String keep = null;
        long orphans = 0;
        List<String> repointed = new ArrayList<>();
        for (RepairAction.RepointForeignKeys r : reps) {
            if (create.referencesTo(r.wrongParent()) == 0) {
                notes.add("Table " + name + " has no foreign key to " + r.wrongParent() + "; nothing to repoint.");
                continue;
            }
            TableInfo parent = schema.table(r.rightParent()).orElse(null);
            if (parent == null) {
                notes.add("Table " + r.rightParent() + " does not exist, so " + name
                        + "'s foreign keys cannot be pointed at it; the table is not rebuilt.");
                return;
            }
            String cond = keepCondition(db, name, r.wrongParent(), parent);
            if (cond == null) {
                notes.add("The foreign keys of " + name + " to " + r.wrongParent() + " do not match the columns of "
                        + parent.name() + "; the table is not rebuilt.");
                return;
            }
            create = create.withReferencesRenamed(r.wrongParent(), parent.name());
            keep = keep == null ? cond : keep + " AND " + cond;
            repointed.add(r.wrongParent() + " → " + parent.name());
        }
        if (added.isEmpty() && repointed.isEmpty()) {
            return;
        }
        if (keep != null) {
            orphans = count(db, "SELECT count(*) FROM " + quote(name) + " WHERE NOT (" + keep + ")");
        }
        create = create.withColumns(added.stream().map(TableRebuild.NewColumn::definition).toList());
        List<String> statements = TableRebuild.statements(schema, table, create.sql(), added, keep, sequence(db, name));

        StringBuilder description = new StringBuilder("Rebuild table " + name);
        if (!what.isEmpty()) {
            description.append(" to add column").append(what.size() == 1 ? " " : "s ").append(String.join(", ", what));
        }
        if (!repointed.isEmpty()) {
            description.append(what.isEmpty() ? " so its foreign keys reference " : " and repoint its foreign keys: ")
                    .append(what.isEmpty() ? repointText(reps) : String.join(", ", repointed));
            description.append(" (drops ").append(orphans).append(" orphaned link").append(orphans == 1 ? "" : "s")
                    .append(")");
        }
        if (orphans > 0) {
            rowChanges.merge(name, -orphans, Long::sum);
        }
        rebuilds.add(new PlanStep(description.toString(), name, statements));
    }

    private static String repointText(List<RepairAction.RepointForeignKeys> reps) {
        return String.join(", ", reps.stream().map(r -> r.rightParent() + " instead of " + r.wrongParent()).toList());
    }

    /**
     * Rows of {@code child} to keep: for each foreign key to {@code wrong}, the key has a NULL
     * column (SQLite does not check it then) or a matching row exists in {@code parent}.
     * Null when the key's columns cannot be matched to the parent's.
     */
    private static String keepCondition(Connection db, String child, String wrong, TableInfo parent) throws SQLException {
        Map<Integer, List<String[]>> keys = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, child);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).equalsIgnoreCase(wrong)) {
                        keys.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                                .add(new String[]{rs.getString(3), rs.getString(4)});
                    }
                }
            }
        }
        List<String> parentKey = parent.columns().stream().filter(c -> c.primaryKeyIndex() > 0)
                .sorted(java.util.Comparator.comparingInt(ColumnInfo::primaryKeyIndex)).map(ColumnInfo::name).toList();
        List<String> conditions = new ArrayList<>();
        for (List<String[]> key : keys.values()) {
            List<String> nulls = new ArrayList<>();
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                String from = key.get(i)[0];
                String to = key.get(i)[1] != null ? key.get(i)[1] : (i < parentKey.size() ? parentKey.get(i) : null);
                if (to == null || !parent.hasColumn(to)) {
                    return null;
                }
                nulls.add(quote(child) + "." + quote(from) + " IS NULL");
                matches.add(PARENT_ALIAS + "." + quote(to) + " = " + quote(child) + "." + quote(from));
            }
            conditions.add("(" + String.join(" OR ", nulls) + " OR EXISTS (SELECT 1 FROM " + quote(parent.name())
                    + " AS " + PARENT_ALIAS + " WHERE " + String.join(" AND ", matches) + "))");
        }
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    /** The pack's own statement when it is exactly one legal ADD COLUMN of this column, else ours. */
    static String addColumnStatement(RepairAction.AddColumn c, String table) {
        if (c.statement() != null && !c.statement().isBlank()) {
            String s = statementText(c.statement());
            List<SqlToken> t = SqlTokenizer.significant(s);
            int i = 0;
            boolean ok = t.size() > 4 && t.get(i++).isWord("alter") && t.get(i++).isWord("table")
                    && t.get(i++).names(table) && t.get(i++).isWord("add");
            if (ok && t.get(i).isWord("column")) {
                i++;
            }
            if (ok && i < t.size() && t.stream().noneMatch(x -> x.isPunct(";"))) {
                String def = s.substring(offsetOf(s, t.get(i), t.subList(0, i)));
                if (t.get(i).names(c.column()) && AddColumnRules.classify(def, ASSUME_FOREIGN_KEYS_ON).allowed()) {
                    return s;
                }
            }
        }
        return "ALTER TABLE " + quote(table) + " ADD COLUMN " + c.definition().strip();
    }

    /** Character offset of token {@code target} in {@code s}, given the significant tokens before it. */
    private static int offsetOf(String s, SqlToken target, List<SqlToken> before) {
        int pos = 0;
        int seen = 0;
        for (SqlToken tok : SqlTokenizer.tokenize(s)) {
            if (!tok.trivia()) {
                if (seen == before.size()) {
                    return pos;
                }
                seen++;
            }
            pos += tok.text().length();
        }
        return pos;
    }

    /** A statement as it will be run: trimmed, without a trailing semicolon. */
    static String statementText(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean singleDefinition(String definition) {
        try {
            List<SqlToken> t = SqlTokenizer.significant(definition);
            int depth = 0;
            for (SqlToken tok : t) {
                if (tok.isPunct("(")) {
                    depth++;
                } else if (tok.isPunct(")")) {
                    depth--;
                } else if (tok.isPunct(";") || (tok.isPunct(",") && depth == 0)) {
                    return false;
                }
                if (depth < 0) {
                    return false;
                }
            }
            ColumnDefinition.parse(definition);
            return depth == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isVirtual(TableInfo table) {
        return table.sql() != null && table.sql().stripLeading().regionMatches(true, 0, "CREATE VIRTUAL", 0, 14);
    }

    private static Long sequence(Connection db, String table) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")) {
            if (!rs.next()) {
                return null;
            }
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
