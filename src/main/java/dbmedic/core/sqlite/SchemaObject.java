package dbmedic.core.sqlite;

/** A row of {@code sqlite_schema}: type is table, index, trigger or view. */
public record SchemaObject(String type, String name, String tableName, String sql) {
}
