package dbmedic.core.knowledge;

import dbmedic.core.knowledge.PackJson.AddColumn;
import dbmedic.core.knowledge.PackJson.ColumnDef;
import dbmedic.core.knowledge.PackJson.DropColumn;
import dbmedic.core.knowledge.PackJson.Migration;
import dbmedic.core.knowledge.PackJson.RenameColumn;
import dbmedic.core.knowledge.PackJson.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds migrations into the schema they leave behind. Each table also keeps the statements
 * that built it (its CREATE, then each later ALTER); when a change to it has no statement in
 * the pack, the table's statements become unknown and DB Medic will not offer to create it.
 * A pack that contradicts itself (adding a column twice, changing a missing table) is an
 * error here, so the pack tests catch it.
 */
final class SchemaFold {
    private final String packId;
    private final Map<String, TableState> tables = new LinkedHashMap<>();
    private final Map<String, AbsentTable> absent = new LinkedHashMap<>();
    private final List<ForeignKeyRule> rules = new ArrayList<>();

    private SchemaFold(String packId) {
        this.packId = packId;
    }

    static ExpectedSchema fold(String packId, String version, List<Migration> applied) {
        SchemaFold fold = new SchemaFold(packId);
        applied.forEach(fold::apply);
        return fold.result(version);
    }

    private void apply(Migration m) {
        // Order inside one migration: drops before adds (migration 18 drops and re-adds opened_at).
        for (String name : list(m.dropsTables())) {
            tables.remove(key(name));
        }
        for (TableDef def : list(m.createsTables())) {
            if (tables.containsKey(key(def.name()))) {
                throw fail(m, "creates table " + def.name() + " which already exists");
            }
            tables.put(key(def.name()), newTable(def, m.id(), null));
            absent.remove(key(def.name()));
        }
        for (TableDef def : list(m.rebuildsTables())) {
            TableState old = tables.get(key(def.name()));
            if (old == null) {
                throw fail(m, "rebuilds table " + def.name() + " which does not exist");
            }
            tables.put(key(def.name()), newTable(def, m.id(), old));
        }
        for (DropColumn drop : list(m.dropsColumns())) {
            TableState t = table(m, drop.table());
            t.columns.remove(t.index(m, this, drop.column()));
            t.record(drop.statements());
        }
        for (RenameColumn rename : list(m.renamesColumns())) {
            TableState t = table(m, rename.table());
            int i = t.index(m, this, rename.from());
            ExpectedColumn c = t.columns.get(i);
            String definition = c.definition() == null ? null
                    : rename.to() + c.definition().substring(Math.min(c.definition().length(), rename.from().length()));
            t.columns.set(i, new ExpectedColumn(rename.to(), definition, c.statement(), c.fillValue(), c.generated(), c.introducedBy()));
            t.record(rename.statement() == null ? null : List.of(rename.statement()));
        }
        for (AddColumn add : list(m.addsColumns())) {
            TableState t = table(m, add.table());
            if (t.find(add.column()) >= 0) {
                throw fail(m, "adds " + add.table() + "." + add.column() + " which already exists");
            }
            t.columns.add(new ExpectedColumn(add.column(), add.definition(), add.statement(), add.fillValue(),
                    add.generated(), m.id()));
            if (add.statement() == null) {
                t.record(null);
            } else {
                List<String> statements = new ArrayList<>();
                statements.add(add.statement());
                statements.addAll(list(add.indexStatements()));
                t.record(statements);
            }
        }
        for (PackJson.Absent a : list(m.mustBeAbsent())) {
            absent.put(key(a.name()), new AbsentTable(a.name(), m.id(), a.note()));
        }
        for (PackJson.FkRule r : list(m.foreignKeyRules())) {
            rules.add(new ForeignKeyRule(r.table(), r.wrongParent(), r.rightParent(), m.id(), r.note()));
        }
    }

    private ExpectedSchema result(String version) {
        Map<String, ExpectedTable> out = new LinkedHashMap<>();
        for (TableState t : tables.values()) {
            out.put(t.name, new ExpectedTable(t.name, t.columns, t.statements == null ? List.of() : t.statements, t.introducedBy));
        }
        List<AbsentTable> mustBeAbsent = absent.values().stream().filter(a -> !tables.containsKey(key(a.name()))).toList();
        return new ExpectedSchema(version, out, mustBeAbsent, rules);
    }

    private TableState newTable(TableDef def, String migrationId, TableState previous) {
        List<String> statements = list(def.createStatements());
        Map<String, String> parsed = statements.isEmpty() ? Map.of() : ColumnDefinitions.of(statements.get(0));
        TableState t = new TableState(def.name(), previous == null ? migrationId : previous.introducedBy);
        for (ColumnDef c : list(def.columns())) {
            String definition = c.definition() != null ? c.definition() : parsed.get(c.name());
            String introducedBy = migrationId;
            String statement = null;
            if (previous != null && previous.find(c.name()) >= 0) {
                ExpectedColumn before = previous.columns.get(previous.find(c.name()));
                introducedBy = before.introducedBy();
                statement = before.statement();
            }
            t.columns.add(new ExpectedColumn(c.name(), definition, statement, c.fillValue(), c.generated(), introducedBy));
        }
        t.statements = statements.isEmpty() ? null : new ArrayList<>(statements);
        return t;
    }

    private TableState table(Migration m, String name) {
        TableState t = tables.get(key(name));
        if (t == null) {
            throw fail(m, "changes table " + name + " which does not exist at that point");
        }
        return t;
    }

    IllegalStateException fail(Migration m, String what) {
        return new IllegalStateException("Knowledge pack '" + packId + "', migration " + m.id() + ": " + what);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    private static final class TableState {
        final String name;
        final String introducedBy;
        final List<ExpectedColumn> columns = new ArrayList<>();
        List<String> statements;

        TableState(String name, String introducedBy) {
            this.name = name;
            this.introducedBy = introducedBy;
        }

        int find(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        int index(Migration m, SchemaFold fold, String column) {
            int i = find(column);
            if (i < 0) {
                throw fold.fail(m, "changes column " + name + "." + column + " which does not exist");
            }
            return i;
        }

        /** Appends a change's statements; a change without statements makes the table's DDL unknown. */
        void record(List<String> change) {
            if (statements == null) {
                return;
            }
            if (change == null || change.isEmpty()) {
                statements = null;
            } else {
                statements.addAll(change);
            }
        }
    }
}
