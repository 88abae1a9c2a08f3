package dbmedic.core.sqlite;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A table with its columns (generated ones included) and its CREATE statement. */
public record TableInfo(String name, String sql, List<ColumnInfo> columns) {
    public TableInfo {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnInfo> column(String columnName) {
        String wanted = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean hasColumn(String columnName) {
        return column(columnName).isPresent();
    }
}
