package dbmedic.core.plan;

import java.util.List;

/**
 * A repair a finding asks for, before it is turned into statements. The planner decides
 * how (plain {@code ALTER TABLE ... ADD COLUMN} or the 12-step rebuild) from the live schema.
 */
public sealed interface RepairAction {

    /** Table the action changes or creates. */
    String table();

    /**
     * Add a missing column. {@code definition} is the column definition as in CREATE TABLE
     * ({@code destination TEXT}); {@code statement} is the app's own statement when the pack
     * knows it verbatim, else null. {@code fillValue} is an SQL literal used to fill existing
     * rows when the table must be rebuilt (NOT NULL without a default), else null.
     */
    record AddColumn(String table, String column, String definition, String statement, String fillValue)
            implements RepairAction {
    }

    /** Create a missing table (and its indexes) with the pack's statements, in order. */
    record CreateTable(String table, List<String> statements) implements RepairAction {
        public CreateTable {
            statements = List.copyOf(statements);
        }
    }

    /**
     * Rebuild {@code table} so that its foreign keys that reference {@code wrongParent}
     * reference {@code rightParent} instead (InvokeAI migration 22's leftover). Rows whose
     * keys have no parent row are dropped, as the app's own repair (migration 32) does.
     */
    record RepointForeignKeys(String table, String wrongParent, String rightParent) implements RepairAction {
    }
}
