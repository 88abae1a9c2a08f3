package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedColumn;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ExpectedTable;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.sqlite.SqlIdentifiers;
import dbmedic.core.sqlite.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Columns the app's schema has at the recorded version but the table lacks. Compared by
 * name, case-insensitively, against {@code PRAGMA table_xinfo}, so generated columns count.
 * Columns of a missing table are not reported: the missing table is.
 */
public final class MissingColumnCheck implements Check {
    public static final String ID = "sqlite.missing-column";

    @Override
    public String title() {
        return "Looking for missing columns";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<ExpectedSchema> expected = context.driftBaseline();
        if (expected.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ExpectedTable table : expected.get().tables().values()) {
            Optional<TableInfo> live = context.schema().table(table.name());
            if (live.isEmpty()) {
                continue;
            }
            for (ExpectedColumn column : table.columns()) {
                if (!live.get().hasColumn(column.name())) {
                    findings.add(missing(context, live.get(), column));
                }
            }
        }
        return findings;
    }

    private static Finding missing(CheckContext context, TableInfo table, ExpectedColumn column) {
        String subject = table.name() + "." + column.name();
        String statement = statement(table.name(), column);
        String evidence = table.name() + " has " + table.columns().size() + " columns; " + column.name()
                + " is not among them. " + DriftText.recorded(context) + ", whose schema includes it"
                + DriftText.addedBy(column.introducedBy()) + ".";
        String cause = DriftText.knownCause(context, ID, subject,
                "no such column: " + subject, "table " + table.name() + " has no column named " + column.name()).orElse(
                "The version table says the migration that adds " + column.name() + DriftText.by(column.introducedBy())
                        + " has run, but the column is not there. This happens when a pre-release or development build"
                        + " recorded that version before the migration gained this column (the app never re-runs a"
                        + " migration it has recorded), or when the database was edited by hand. The app then fails"
                        + " with \"no such column: " + column.name() + "\".");
        String rows = column.fillValue() != null ? " Existing rows get " + column.fillValue() + "."
                : " Existing rows keep their data; the new column starts empty (or at its default).";
        return new Finding(ID, Severity.ERROR, subject, "Column " + subject + " is missing", evidence, cause,
                new Fix("Add the column the way the app's migration does, after a verified backup." + rows,
                        List.of(statement)),
                List.of(new RepairAction.AddColumn(table.name(), column.name(), column.definition(),
                        column.statement(), column.fillValue())));
    }

    /** The app's own statement when the pack knows it, else a plain ADD COLUMN with the definition. */
    static String statement(String table, ExpectedColumn column) {
        if (column.statement() != null && !column.statement().isBlank()) {
            String s = column.statement().strip();
            return s.endsWith(";") ? s : s + ";";
        }
        return "ALTER TABLE " + SqlIdentifiers.quote(table) + " ADD COLUMN " + column.definition() + ";";
    }
}
