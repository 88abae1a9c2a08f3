package dbmedic.core.plan;

/**
 * Whether SQLite accepts {@code ALTER TABLE ... ADD COLUMN <definition>} on a table that
 * has rows, checked in the order SQLite checks them (ALTER TABLE page, "ADD COLUMN"
 * restrictions). When it does not, the column can only be added by rebuilding the table.
 */
public final class AddColumnRules {
    private AddColumnRules() {
    }

    public enum Kind {
        /** ADD COLUMN works whatever the rows hold. */
        ADD_COLUMN,
        /** ADD COLUMN is allowed but SQLite tests existing rows (CHECK, NOT NULL generated column). */
        ADD_COLUMN_ROWS_CHECKED,
        /** ADD COLUMN is refused on a non-empty table: rebuild the table instead. */
        REBUILD
    }

    /** {@code reason}: SQLite's own error text for REBUILD, what is checked for ROWS_CHECKED. */
    public record Verdict(Kind kind, String reason) {
        public boolean allowed() {
            return kind != Kind.REBUILD;
        }
    }

    public static Verdict classify(String definition, boolean foreignKeysOn) {
        return classify(ColumnDefinition.parse(definition), foreignKeysOn);
    }

    public static Verdict classify(ColumnDefinition c, boolean foreignKeysOn) {
        if (c.primaryKey()) {
            return rebuild("Cannot add a PRIMARY KEY column");
        }
        if (c.unique()) {
            return rebuild("Cannot add a UNIQUE column");
        }
        if (!c.generated()) {
            if (foreignKeysOn && c.references() && c.nonNullDefault()) {
                return rebuild("Cannot add a REFERENCES column with non-NULL default value");
            }
            if (c.notNull() && !c.nonNullDefault()) {
                return rebuild("Cannot add a NOT NULL column with default value NULL");
            }
            if (c.nonNullDefault() && !c.defaultConstant()) {
                return rebuild("Cannot add a column with non-constant default");
            }
        } else if (c.stored()) {
            return rebuild("cannot add a STORED column");
        }
        if (c.check() || (c.generated() && c.notNull())) {
            return new Verdict(Kind.ADD_COLUMN_ROWS_CHECKED,
                    "SQLite tests the new constraint against every existing row and refuses if one fails");
        }
        return new Verdict(Kind.ADD_COLUMN, "");
    }

    private static Verdict rebuild(String sqliteError) {
        return new Verdict(Kind.REBUILD, sqliteError);
    }
}
