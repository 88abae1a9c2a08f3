package dbmedic.core.sqlite;

/**
 * One row of {@code PRAGMA table_xinfo}. {@code hidden}: 0 normal, 1 hidden (virtual
 * table), 2 generated VIRTUAL, 3 generated STORED.
 */
public record ColumnInfo(int cid, String name, String declaredType, boolean notNull,
                         String defaultValue, int primaryKeyIndex, int hidden) {
    public boolean generated() {
        return hidden == 2 || hidden == 3;
    }
}
