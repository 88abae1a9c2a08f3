package dbmedic.core.diagnose;

import dbmedic.core.check.Check;
import dbmedic.core.check.IntegrityCheck;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.sqlite.SqliteErrors;
import java.sql.SQLException;

/** A check that could not finish is reported, not hidden, and does not stop the others. */
final class CheckFailed {
    static final String ID = "sqlite.check-failed";

    private CheckFailed() {
    }

    static Finding finding(Check check, SQLException e) {
        if (SqliteErrors.isCorrupt(e)) {
            return IntegrityCheck.damaged("database", check.title() + " failed: " + SqliteErrors.plain(e), -1);
        }
        return new Finding(ID, Severity.WARNING, check.getClass().getSimpleName(),
                "One check could not finish: " + check.title().toLowerCase(java.util.Locale.ROOT),
                "SQLite said: " + SqliteErrors.plain(e),
                "Something in this database stopped the check; the other checks still ran.",
                Fix.text("The diagnosis is incomplete on this point. If the message names a table, look at it with the"
                        + " sqlite3 shell; include this line when you ask for help."));
    }
}
