package dbmedic.core.diagnose;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.check.AppDetection;
import dbmedic.core.check.Check;
import dbmedic.core.check.CheckContext;
import dbmedic.core.check.Checks;
import dbmedic.core.check.IntegrityCheck;
import dbmedic.core.check.JournalCheck;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.sqlite.ReadOnlyDatabase;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteErrors;
import dbmedic.core.sqlite.SqliteFileProbe;
import dbmedic.core.sqlite.SqliteHeader;
import dbmedic.core.sqlite.SqliteOpener;
import dbmedic.core.sqlite.SqliteSchemaReader;
import dbmedic.core.target.PathText;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sqlite.ProgressHandler;

/** Runs every check on a target. Never writes to it. */
public final class Diagnoser {
    /** SQLite virtual-machine steps between two looks at the cancel flag. */
    private static final int CANCEL_POLL_STEPS = 10_000;

    private final Supplier<List<AppPack>> packs;
    private final SqliteOpener opener;
    private final Clock clock;

    public Diagnoser(PackRegistry packs) {
        this(packs::packs, new SqliteOpener(), Clock.systemUTC());
    }

    /** With explicit packs (tests, or a registry built elsewhere). */
    public Diagnoser(List<AppPack> packs) {
        this(() -> packs, new SqliteOpener(), Clock.systemUTC());
    }

    public Diagnoser(Supplier<List<AppPack>> packs, SqliteOpener opener, Clock clock) {
        this.packs = packs;
        this.opener = opener;
        this.clock = clock;
    }

    public Diagnosis diagnose(Target target, DiagnoseOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        DiagnoseOptions opts = options == null ? DiagnoseOptions.DEFAULT : options;
        Progress p = progress == null ? Progress.NONE : progress;
        if (!(target instanceof SqliteTarget sqlite)) {
            throw new UnusableInputException("Only SQLite databases can be diagnosed so far: " + target.displayName());
        }
        List<AppPack> known = packs.get();
        Optional<AppPack> chosen = PackDetection.chosen(known, opts.appOverride());
        String shown = PathText.of(sqlite.database());

        p.message("Reading the header of " + shown);
        SqliteHeader header = SqliteFileProbe.probe(sqlite.database(), size(sqlite.wal()) > 0);
        p.checkCancelled();
        boolean copy = size(sqlite.wal()) > 0 || size(sqlite.journal()) > 0;
        p.message(copy ? "Copying " + shown + " with its journal to a temporary folder, to read it without changing it"
                : "Opening " + shown + " read-only");
        try (ReadOnlyDatabase db = opener.openForDiagnosis(sqlite)) {
            Connection connection = db.connection();
            watchForCancel(connection, p);
            p.checkCancelled();
            SchemaSnapshot schema;
            try {
                schema = SqliteSchemaReader.read(connection);
            } catch (SQLException e) {
                rethrowIfCancelled(e, p);
                if (SqliteErrors.isCorrupt(e)) {
                    return unreadableSchema(sqlite, db, header, opts, p, e);
                }
                throw new UnusableInputException(shown + " cannot be read by SQLite: " + SqliteErrors.plain(e), e);
            }
            p.message("Recognising the app");
            AppDetection app = PackDetection.detect(known, chosen, sqlite.appHint(), connection, schema);
            Optional<ExpectedSchema> expected = expected(app);
            CheckContext context = new CheckContext(sqlite, connection, db.isSnapshot(), header, schema, app,
                    expected, opts, p);
            List<Finding> findings = run(Checks.sqlite(), context, p);
            return new Diagnosis(sqlite, app.identity(), findings, clock.instant());
        }
    }

    private static List<Finding> run(List<Check> checks, CheckContext context, Progress p) throws CancelledException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            p.checkCancelled();
            p.update(i, checks.size(), check.title());
            try {
                findings.addAll(check.run(context));
            } catch (SQLException e) {
                rethrowIfCancelled(e, p);
                Finding failed = CheckFailed.finding(check, e);
                // Damage the integrity check already reported is not reported twice.
                if (!(failed.id().equals(IntegrityCheck.ID) && findings.stream().anyMatch(
                        f -> f.id().equals(IntegrityCheck.ID) && f.severity() == failed.severity()))) {
                    findings.add(failed);
                }
            }
        }
        p.update(checks.size(), checks.size(), "Diagnosis finished");
        return findings;
    }

    /** The schema table itself is damaged: report that (a real database with a problem), nothing else can run. */
    private Diagnosis unreadableSchema(SqliteTarget target, ReadOnlyDatabase db, SqliteHeader header,
                                       DiagnoseOptions opts, Progress p, SQLException e) throws CancelledException {
        SchemaSnapshot empty = new SchemaSnapshot(java.util.Map.of(), List.of());
        CheckContext context = new CheckContext(target, db.connection(), db.isSnapshot(), header, empty,
                AppDetection.unknown(null), Optional.empty(), opts, p);
        List<Finding> findings = new ArrayList<>(new JournalCheck().run(context));
        findings.add(IntegrityCheck.damaged("sqlite_schema",
                "Reading the schema (sqlite_schema) failed: " + SqliteErrors.plain(e), -1));
        return new Diagnosis(target, AppIdentity.UNKNOWN, findings, clock.instant());
    }

    private static Optional<ExpectedSchema> expected(AppDetection app) {
        if (app.pack().isEmpty() || app.state().isEmpty() || !app.state().get().known()) {
            return Optional.empty();
        }
        try {
            return app.pack().get().expectedSchema(app.state().get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Long pragmas (integrity_check on a big file) stop soon after the user cancels. */
    private static void watchForCancel(Connection connection, Progress p) {
        try {
            ProgressHandler.setHandler(connection, CANCEL_POLL_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return p.isCancelled() ? 1 : 0;
                }
            });
        } catch (SQLException e) {
            // Without the handler, cancel takes effect between checks instead of inside one.
        }
    }

    private static void rethrowIfCancelled(SQLException e, Progress p) throws CancelledException {
        if (p.isCancelled()) {
            throw new CancelledException();
        }
    }

    private static long size(java.nio.file.Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
