package dbmedic.core.plan;

import static dbmedic.core.sqlite.SqlIdentifiers.literal;
import static dbmedic.core.sqlite.SqlIdentifiers.quote;

import dbmedic.core.sqlite.ColumnInfo;
import dbmedic.core.sqlite.SchemaObject;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.TableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements of SQLite's 12-step table change (ALTER TABLE page, section 7) for one
 * table, in the documented order: create "new_X", copy rows, drop X, rename "new_X" to X,
 * recreate X's indexes, the views that name X, and the triggers. Views and triggers that
 * name X are dropped before X: since SQLite 3.26 the rename refuses while any of them names
 * a missing table ("error in view v: no such table: main.X").
 * Foreign keys OFF, the transaction and foreign_key_check are the executor's part.
 */
public final class TableRebuild {
    private TableRebuild() {
    }

    /** A column the rebuild adds; {@code fillValue} (an SQL literal) fills existing rows, or null. */
    public record NewColumn(String name, String definition, String fillValue) {
    }

    /**
     * @param newCreateSql the table's new CREATE TABLE text (still under its own name)
     * @param added        columns that are in {@code newCreateSql} but not in the table yet
     * @param keepRows     SQL condition on the old table's rows to keep, or null for all rows
     * @param sequence     the table's sqlite_sequence value to carry over (AUTOINCREMENT), or null
     */
    public static List<String> statements(SchemaSnapshot schema, TableInfo table, String newCreateSql,
                                          List<NewColumn> added, String keepRows, Long sequence) {
        String name = table.name();
        String temp = freshName(schema, "new_" + name);
        List<String> out = new ArrayList<>();
        out.add(CreateTableSql.parse(newCreateSql).withName(temp));

        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            if (c.hidden() == 0) { // generated columns are computed, never inserted
                into.add(quote(c.name()));
                select.add(quote(c.name()));
            }
        }
        for (NewColumn n : added) {
            if (n.fillValue() != null && !ColumnDefinition.parse(n.definition()).generated()) {
                into.add(quote(n.name()));
                select.add(n.fillValue());
            }
        }
        out.add("INSERT INTO " + quote(temp) + " (" + String.join(", ", into) + ") SELECT "
                + String.join(", ", select) + " FROM " + quote(name) + (keepRows == null ? "" : " WHERE " + keepRows));

        Set<String> gone = new HashSet<>();
        gone.add(lower(name));
        List<SchemaObject> views = dependentViews(schema, gone);
        List<SchemaObject> triggers = new ArrayList<>();
        List<SchemaObject> triggersToDrop = new ArrayList<>();
        for (SchemaObject o : schema.objects()) {
            if (!o.type().equals("trigger") || o.sql() == null) {
                continue;
            }
            boolean onGone = gone.contains(lower(o.tableName()));
            if (onGone || namesAny(o.sql(), gone)) {
                triggers.add(o);
                if (!onGone) {
                    triggersToDrop.add(o);
                }
            }
        }
        for (SchemaObject t : triggersToDrop) {
            out.add("DROP TRIGGER " + quote(t.name()));
        }
        for (int i = views.size() - 1; i >= 0; i--) {
            out.add("DROP VIEW " + quote(views.get(i).name()));
        }
        out.add("DROP TABLE " + quote(name));
        out.add("ALTER TABLE " + quote(temp) + " RENAME TO " + quote(name));
        if (sequence != null) {
            out.add("UPDATE \"sqlite_sequence\" SET \"seq\" = " + sequence + " WHERE \"name\" = " + literal(name)
                    + " AND \"seq\" < " + sequence);
            out.add("INSERT INTO \"sqlite_sequence\" (\"name\", \"seq\") SELECT " + literal(name) + ", " + sequence
                    + " WHERE NOT EXISTS (SELECT 1 FROM \"sqlite_sequence\" WHERE \"name\" = " + literal(name) + ")");
        }
        for (SchemaObject o : schema.objects()) {
            if (o.type().equals("index") && o.sql() != null && lower(o.tableName()).equals(lower(name))) {
                out.add(o.sql());
            }
        }
        views.forEach(v -> out.add(v.sql()));
        triggers.forEach(t -> out.add(t.sql()));
        return out;
    }

    /** Views naming any of {@code gone}, and views naming those, in creation order; adds their names to gone. */
    private static List<SchemaObject> dependentViews(SchemaSnapshot schema, Set<String> gone) {
        Set<SchemaObject> found = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SchemaObject o : schema.objects()) {
                if (o.type().equals("view") && o.sql() != null && !found.contains(o) && namesAny(o.sql(), gone)) {
                    found.add(o);
                    gone.add(lower(o.name()));
                    grew = true;
                }
            }
        }
        return schema.objects().stream().filter(found::contains).toList();
    }

    private static boolean namesAny(String sql, Set<String> names) {
        return SqlTokenizer.significant(sql).stream()
                .anyMatch(t -> t.isIdentifier() && names.contains(lower(t.identifier())));
    }

    /** {@code base}, or base_2, base_3 … whichever no schema object uses. */
    static String freshName(SchemaSnapshot schema, String base) {
        Set<String> used = new HashSet<>();
        schema.objects().forEach(o -> used.add(lower(o.name())));
        String candidate = base;
        for (int i = 2; used.contains(lower(candidate)); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
