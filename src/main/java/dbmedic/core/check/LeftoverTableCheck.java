package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.AbsentTable;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.SqlIdentifiers;
import dbmedic.core.sqlite.TableInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tables that must not exist at the recorded version (dropped by a migration, or a rebuild's leftover). */
public final class LeftoverTableCheck implements Check {
    public static final String ID = "sqlite.leftover-table";

    @Override
    public String title() {
        return "Looking for leftover tables";
    }

    @Override
    public List<Finding> run(CheckContext context) throws SQLException {
        Optional<ExpectedSchema> expected = context.driftBaseline();
        if (expected.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AbsentTable absent : expected.get().absent()) {
            Optional<TableInfo> live = context.schema().table(absent.name());
            if (live.isPresent()) {
                findings.add(leftover(context, live.get().name(), absent));
            }
        }
        return findings;
    }

    private static Finding leftover(CheckContext context, String table, AbsentTable absent) throws SQLException {
        String contents;
        try {
            contents = hasRows(context, table) ? "it holds rows" : "it is empty";
        } catch (SQLException e) {
            contents = "its rows could not be read";
        }
        String evidence = "Table " + table + " exists and " + contents + ". " + DriftText.recorded(context)
                + ", at which it should not exist" + (absent.droppedBy() == null ? "" : " (dropped by " + absent.droppedBy() + ")") + ".";
        String cause = absent.note() != null && !absent.note().isBlank() ? absent.note()
                : DriftText.knownCause(context, ID, table).orElse("A migration that should have removed " + table
                + " did not, or the table was created again by hand or by another tool.");
        return new Finding(ID, Severity.WARNING, table, "Table " + table + " should no longer exist", evidence, cause,
                new Fix("The app does not use it at this version. DB Medic does not drop it for you: once you are sure"
                        + " it holds nothing you need (keep a backup), you can drop it yourself:",
                        List.of("DROP TABLE " + SqlIdentifiers.quote(table) + ";")));
    }

    /** One row is enough to tell; no count, so the cost does not grow with the table. */
    private static boolean hasRows(CheckContext context, String table) throws SQLException {
        try (Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM " + SqlIdentifiers.quote(table) + " LIMIT 1")) {
            return rs.next();
        }
    }
}
