package dbmedic.core.sqlite;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The schema of one SQLite database: tables (with columns) and all other schema objects. */
public record SchemaSnapshot(Map<String, TableInfo> tables, List<SchemaObject> objects) {
    public SchemaSnapshot {
        TreeMap<String, TableInfo> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(tables);
        tables = java.util.Collections.unmodifiableMap(byName);
        objects = List.copyOf(objects);
    }

    public Optional<TableInfo> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    /** Indexes, triggers and views attached to {@code table} (what a rebuild must recreate). */
    public List<SchemaObject> dependents(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return objects.stream()
                .filter(o -> !o.type().equals("table"))
                .filter(o -> o.tableName() != null && o.tableName().toLowerCase(Locale.ROOT).equals(t))
                .toList();
    }
}
