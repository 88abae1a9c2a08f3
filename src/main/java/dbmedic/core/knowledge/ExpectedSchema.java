package dbmedic.core.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What an app's database must look like at the version it records. */
public record ExpectedSchema(String version, Map<String, ExpectedTable> tables, List<AbsentTable> absent,
                             List<ForeignKeyRule> foreignKeyRules) {
    public ExpectedSchema {
        TreeMap<String, ExpectedTable> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(tables);
        tables = java.util.Collections.unmodifiableMap(byName);
        absent = List.copyOf(absent);
        foreignKeyRules = List.copyOf(foreignKeyRules);
    }

    public Optional<ExpectedTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
