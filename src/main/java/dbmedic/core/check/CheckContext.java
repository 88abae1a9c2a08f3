package dbmedic.core.check;

import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteHeader;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.Progress;
import java.sql.Connection;
import java.util.Optional;

/**
 * What every check may look at. {@code connection} is read-only; {@code snapshot} is true
 * when it reads a temporary copy of the file and its -wal/-journal. {@code expected} is
 * present only when the app and its recorded version are known.
 */
public record CheckContext(SqliteTarget target, Connection connection, boolean snapshot, SqliteHeader header,
                           SchemaSnapshot schema, AppDetection app, Optional<ExpectedSchema> expected,
                           DiagnoseOptions options, Progress progress) {

    /** The expected schema, only when schema drift can be judged (known app, known version). */
    public Optional<ExpectedSchema> driftBaseline() {
        return app.versionKnown() ? expected : Optional.empty();
    }
}
