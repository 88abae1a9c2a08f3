package dbmedic.core.knowledge;

import java.util.List;

/**
 * The shape of a knowledge pack file ({@code /dbmedic/packs/<id>.json}), read with Jackson.
 * A pack lists the app's migrations in the order the app applies them; the expected schema
 * at a version is the fold of the migrations applied up to it ({@link SchemaFold}).
 */
public final class PackJson {
    private PackJson() {
    }

    /** {@code index.json}: the pack files to load, and the app-independent error strings. */
    /**
     * {@code errorSources}: further files whose {@code id} and {@code errors} hold known error
     * strings of apps that have no SQLite pack (e.g. immich.json); other keys there are ignored.
     */
    public record Index(List<String> packs, String commonErrors, List<String> errorSources) {
    }

    public record Pack(String id, String name, List<String> sources, Recognition recognition,
                       VersionSource versionSource, List<Migration> migrations, List<ErrorDef> errors) {
    }

    /** Errors that belong to no app (SQLite's own messages). */
    public record CommonErrors(String id, List<String> sources, List<ErrorDef> errors) {
    }

    /**
     * The app's fingerprint: one of {@code versionTablesAny} and at least
     * {@code minCharacteristic} of {@code characteristicTables}.
     */
    public record Recognition(List<String> versionTablesAny, List<String> characteristicTables, int minCharacteristic) {
    }

    /**
     * Where the app records its version. {@code kind} "legacy-and-ids": MAX(legacyColumn) of
     * legacyTable, plus the ids in idTable.idColumn when that table exists (InvokeAI);
     * "alembic": the revision ids in table.column.
     */
    public record VersionSource(String kind, String legacyTable, String legacyColumn, String idTable, String idColumn,
                                String legacyIdFormat, String table, String column, String note) {
    }

    /**
     * One migration (or Alembic revision). {@code legacy} is its number where it has one;
     * {@code release} the first release that shipped it; {@code schemaTracked} false when the
     * pack does not model its schema changes (then no expected schema is offered past it).
     */
    public record Migration(String id, Integer legacy, String release, String summary, Boolean schemaTracked,
                            List<TableDef> createsTables, List<AddColumn> addsColumns, List<String> dropsTables,
                            List<DropColumn> dropsColumns, List<RenameColumn> renamesColumns,
                            List<TableDef> rebuildsTables, List<Absent> mustBeAbsent,
                            List<FkRule> foreignKeyRules) {
        public boolean tracked() {
            return schemaTracked == null || schemaTracked;
        }
    }

    /**
     * A table as a migration leaves it. {@code createStatements}: the table's CREATE TABLE,
     * then its indexes and triggers; empty when the pack has no DDL for it.
     */
    public record TableDef(String name, List<ColumnDef> columns, List<String> createStatements, String note) {
    }

    /** {@code definition} may be omitted: it is then read from the table's CREATE TABLE. */
    public record ColumnDef(String name, String definition, boolean generated, String fillValue) {
    }

    /** {@code statement}: the app's own ALTER TABLE; {@code indexStatements} follow it. */
    public record AddColumn(String table, String column, String definition, String statement, boolean generated,
                            String fillValue, List<String> indexStatements) {
    }

    public record DropColumn(String table, String column, List<String> statements) {
    }

    public record RenameColumn(String table, String from, String to, String statement) {
    }

    public record Absent(String name, String note) {
    }

    public record FkRule(String table, String wrongParent, String rightParent, String note) {
    }

    /**
     * A known error string. {@code match} is a regex when {@code regex}; {@code subject},
     * {@code summary}, {@code cause} and {@code fixSummary} may use {@code $1}.. for groups.
     * {@code severity} defaults to error.
     */
    public record ErrorDef(String id, String match, boolean regex, String findingId, String severity, String subject,
                           String summary, String cause, String fixSummary, List<String> fixSql, List<String> sources) {
    }
}
