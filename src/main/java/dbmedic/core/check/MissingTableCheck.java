package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ExpectedTable;
import dbmedic.core.plan.RepairAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tables the app's schema has at the recorded version but the database lacks. */
public final class MissingTableCheck implements Check {
    public static final String ID = "sqlite.missing-table";

    @Override
    public String title() {
        return "Looking for missing tables";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<ExpectedSchema> expected = context.driftBaseline();
        if (expected.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ExpectedTable table : expected.get().tables().values()) {
            if (!context.schema().hasTable(table.name())) {
                findings.add(missing(context, table));
            }
        }
        return findings;
    }

    private static Finding missing(CheckContext context, ExpectedTable table) {
        String name = table.name();
        String evidence = DriftText.recorded(context) + ", whose schema has a table " + name
                + DriftText.addedBy(table.introducedBy()) + "; the database has no table of that name ("
                + context.schema().tables().size() + " tables).";
        String cause = DriftText.knownCause(context, ID, name, "no such table: " + name, "no such table: main." + name).orElse(
                "The version table says the migration that creates " + name + " has run, but the table is not there."
                        + " This happens when a pre-release or development build recorded that version before the"
                        + " migration was finished (the app never re-runs a migration it has recorded), or when the"
                        + " database was edited by hand.");
        if (table.createStatements().isEmpty()) {
            return new Finding(ID, Severity.ERROR, name, "Table " + name + " is missing", evidence, cause,
                    Fix.text("DB Medic has no exact definition of " + name + ", so it does not create it. Restore the"
                            + " backup of the database from before the upgrade" + AppBackups.hint(context.app().identity().id())
                            + ", or ask the app's maintainers for the table's definition."));
        }
        return new Finding(ID, Severity.ERROR, name, "Table " + name + " is missing", evidence, cause,
                new Fix("Create the table (and its indexes) with the app's own statements, after a verified backup."
                        + " Nothing else changes.", table.createStatements()),
                List.of(new RepairAction.CreateTable(name, table.createStatements())));
    }
}
