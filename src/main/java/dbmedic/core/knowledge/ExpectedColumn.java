package dbmedic.core.knowledge;

/**
 * A column the app's schema has at a version. {@code definition} is the column definition
 * as in CREATE TABLE ({@code destination TEXT}); {@code statement} the app's own statement
 * that adds it, when the pack knows it verbatim (else null); {@code fillValue} an SQL literal
 * for existing rows when the column cannot be added with ADD COLUMN (else null);
 * {@code generated} is true for GENERATED columns (seen only by table_xinfo);
 * {@code introducedBy} names the migration/revision.
 */
public record ExpectedColumn(String name, String definition, String statement, String fillValue,
                             boolean generated, String introducedBy) {
}
