package dbmedic.core.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table the app's schema has at a version. {@code createStatements} re-create it (table
 * first, then its indexes) when it is missing; empty when the pack has no verbatim DDL, in
 * which case DB Medic reports the table missing but does not offer to create it.
 */
public record ExpectedTable(String name, List<ExpectedColumn> columns, List<String> createStatements,
                            String introducedBy) {
    public ExpectedTable {
        columns = List.copyOf(columns);
        createStatements = createStatements == null ? List.of() : List.copyOf(createStatements);
    }

    public Optional<ExpectedColumn> column(String columnName) {
        String wanted = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
