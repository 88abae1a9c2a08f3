package dbmedic.core.check;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.ReadOnlyDatabase;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteFileProbe;
import dbmedic.core.sqlite.SqliteOpener;
import dbmedic.core.sqlite.SqliteSchemaReader;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs one check on a real file, the way the Diagnoser does, with an optional test pack. */
final class CheckHarness {
    private CheckHarness() {
    }

    static List<Finding> run(Check check, Path db, AppPack pack) throws Exception {
        return run(check, db, pack, DiagnoseOptions.DEFAULT);
    }

    static List<Finding> run(Check check, Path db, AppPack pack, DiagnoseOptions options) throws Exception {
        SqliteTarget target = new SqliteTarget(db, db, null);
        try (ReadOnlyDatabase open = SqliteOpener.open(target)) {
            SchemaSnapshot schema = SqliteSchemaReader.read(open.connection());
            AppDetection app = AppDetection.unknown(null);
            Optional<ExpectedSchema> expected = Optional.empty();
            if (pack != null && pack.recognizes(schema)) {
                AppliedState state = pack.readState(open.connection(), schema);
                app = new AppDetection(new AppIdentity(pack.id(), pack.name(), state.version(), state.release(),
                        state.known()), Optional.of(pack), Optional.of(state), false, null);
                expected = state.known() ? pack.expectedSchema(state) : Optional.empty();
            }
            CheckContext context = new CheckContext(target, open.connection(), open.isSnapshot(),
                    SqliteFileProbe.probe(db, true), schema, app, expected, options, Progress.NONE);
            return check.run(context);
        }
    }
}
