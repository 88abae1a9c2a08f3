package dbmedic.ui.immich;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.immich.migrate.BackupEvidence;
import dbmedic.core.immich.migrate.ImmichMigration;
import dbmedic.core.immich.migrate.MigrationJournal;
import dbmedic.core.immich.migrate.MigrationPhase;
import dbmedic.core.immich.migrate.MigrationPlan;
import dbmedic.core.immich.migrate.MigrationState;
import dbmedic.core.immich.migrate.MigrationVerification;
import dbmedic.core.immich.migrate.Refusal;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.BackupCheck;
import dbmedic.core.postgres.backup.DumpSource;
import dbmedic.core.postgres.backup.ImmichBackup;
import dbmedic.core.postgres.backup.PgBackupResult;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ImmichEngine} over the engine's Immich backup, migration and verification, on one session. */
public final class CoreImmichEngine implements ImmichEngine {
    private final Medic medic;
    private final PgSession session;
    private final ImmichMigration migration;

    CoreImmichEngine(Medic medic, PgSession session, ImmichMigration migration) {
        this.medic = medic;
        this.session = session;
        this.migration = migration;
    }

    /** The backup a pending journal names: re-checked against its manifest before a phase runs on it. */
    record JournalBackup(Path folder) {
    }

    /** The engine with the journal in the user's app-data folder. */
    public static ImmichEngineFactory factory(Medic medic) {
        return factory(medic, null);
    }

    /** {@code journalDir} null: the user's app-data folder (tests give a temporary one). */
    public static ImmichEngineFactory factory(Medic medic, Path journalDir) {
        return (spec, client, prompt, tunnel) -> {
            if (!(medic.resolve(spec) instanceof PostgresTarget target)) {
                throw new UnusableInputException("The Immich migration needs a live PostgreSQL database (a postgresql:// URL).");
            }
            DiagnoseOptions diagnose = new DiagnoseOptions("immich", false, client, prompt);
            PostgresOptions options = Medic.postgresOptionsFor(tunnel == null ? diagnose : diagnose.withTunnel(tunnel));
            PgSession session = medic.openSession(target, options);
            return new CoreImmichEngine(medic, session, journalDir == null ? medic.immichMigration(session)
                    : medic.immichMigration(session, journalDir));
        };
    }

    @Override
    public BackupView backUp(Path parent, Progress progress) throws Exception {
        return backUp(parent, null, progress);
    }

    @Override
    public BackupView backUp(Path parent, DumpSource dumpSource, Progress progress) throws Exception {
        return view(medic.backup(session, parent, dumpSource, progress), List.of());
    }

    @Override
    public BackupView openBackup(Path folder, Progress progress) throws Exception {
        BackupCheck check = medic.checkPostgresBackup(folder, progress);
        return view(check.result(), check.problems());
    }

    private static BackupView view(PgBackupResult r, List<String> problems) {
        List<BackupView.TableView> tables = r.tables().stream()
                .map(t -> new BackupView.TableView(t.table(), t.columnType(), t.rows(), t.sha256())).toList();
        return new BackupView(r.folder(), r.bytes(), tables, r.dumpFile().orElse(null),
                r.dumpNote().isBlank() ? null : r.dumpNote(), r.verified(), problems, BackupEvidence.of(r));
    }

    /** The evidence for a phase: a journal's backup is re-read against its manifest first, as the CLI does. */
    private BackupEvidence evidence(Object given, Progress progress) throws Exception {
        if (given instanceof JournalBackup j) {
            BackupCheck check = medic.checkPostgresBackup(j.folder(), progress);
            if (!check.ok()) {
                throw new dbmedic.core.backup.BackupFailedException("The backup this migration started with (" + j.folder()
                        + ") no longer verifies: " + String.join(" ", check.problems()) + " Nothing was changed.");
            }
            return BackupEvidence.of(check.result());
        }
        return (BackupEvidence) given;
    }

    @Override
    public MigrationOffer offer(Progress progress) throws Exception {
        MigrationState state = migration.readState(progress);
        List<MigrationPlan> plans = migration.plans(state);
        List<PlanView> views = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            MigrationPlan p = plans.get(i);
            views.add(view(p, i == 0, migration.guards(state, p)));
        }
        MigrationOffer.Pending pending = null;
        Optional<MigrationJournal> journal = migration.journal();
        if (journal.isPresent()) {
            MigrationJournal j = journal.get();
            PlanView plan = views.stream().filter(v -> v.id().equals(j.planId())).findFirst().orElse(null);
            if (plan != null) {
                MigrationPlan engine = (MigrationPlan) plan.engine();
                Optional<MigrationPhase> next = migration.nextPhase(state, engine);
                if (next.isPresent()) {
                    List<String> missing = plan.refusals().stream().map(r -> r.reason() + " " + r.whatToDo()).toList();
                    Object evidence = j.backupFolder() == null ? null : new JournalBackup(Path.of(j.backupFolder()));
                    pending = new MigrationOffer.Pending(plan, engine.phases().indexOf(next.get()), missing.isEmpty(),
                            missing, evidence);
                }
            }
        }
        return new MigrationOffer(StateText.of(state), views, pending);
    }

    private static PlanView view(MigrationPlan p, boolean recommended, List<Refusal> refusals) {
        List<PlanView.PhaseView> phases = new ArrayList<>();
        for (MigrationPhase ph : p.phases()) {
            PlanView.SwapView swap = ph.pauseAfter().map(s -> new PlanView.SwapView(s.summary(), s.instructions().stream()
                    .map(i -> new PlanView.SetupInstructions(i.title(), numbered(i.steps()))).toList()))
                    .orElse(null);
            phases.add(new PlanView.PhaseView(ph.title(), ph.statements(), swap, ph));
        }
        List<RefusalView> rs = refusals.stream().map(r -> new RefusalView(r.reason(), r.whatToDo(), r.details(),
                sqlOf(r))).toList();
        return new PlanView(p.id(), p.title(), p.explanation(), recommended, phases, rs, p.afterwards(), p);
    }

    @Override
    public void apply(PlanView plan, int phase, Object backupEvidence, Progress progress) throws Exception {
        MigrationPlan p = (MigrationPlan) plan.engine();
        migration.apply(p, p.phases().get(phase), evidence(backupEvidence, progress), progress);
    }

    @Override
    public VerificationView verify(PlanView plan, Object backupEvidence, Progress progress) throws Exception {
        BackupEvidence backup = backupEvidence instanceof JournalBackup j
                ? BackupEvidence.of(ImmichBackup.read(j.folder())) : (BackupEvidence) backupEvidence;
        MigrationVerification v = migration.verify((MigrationPlan) plan.engine(), backup, progress);
        List<VerificationView.Check> checks = new ArrayList<>(v.checks().stream().map(c -> new VerificationView.Check(
                CheckNames.of(c.id()), c.passed(), !c.passed() ? "wanted " + c.expected() + ", found " + c.actual()
                        : c.id().equals("vchord-range") ? c.actual() + " (wanted: " + c.expected() + ")" : c.actual()))
                .toList());
        for (var t : v.tables()) {
            checks.add(new VerificationView.Check("Every row of " + t.table() + " unchanged", t.same(), t.backup() == null
                    || t.now() == null ? "no snapshot to compare" : String.format("%,d rows before, %,d after; checksum %s %s %s",
                    t.backup().rows(), t.now().rows(), shortSha(t.backup().sha256()), t.same() ? "=" : "≠",
                    shortSha(t.now().sha256()))));
        }
        List<VerificationView.TableCompare> tables = v.tables().stream().map(t -> new VerificationView.TableCompare(
                t.table(), t.backup() == null ? 0 : t.backup().rows(), t.now() == null ? 0 : t.now().rows(),
                t.backup() == null ? null : t.backup().sha256(), t.now() == null ? null : t.now().sha256(),
                t.backup() == null ? "?" : t.backup().columnType(), t.now() == null ? "?" : t.now().columnType())).toList();
        long failed = checks.stream().filter(c -> !c.passed()).count();
        String summary = failed == 0 ? "all " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks failed.";
        return new VerificationView(v.passed(), v.lossless(), summary, checks, tables);
    }

    /** The statements of a refusal (a superuser's GRANT / CREATE EXTENSION), for its Copy button; null when none. */
    private static String sqlOf(Refusal r) {
        List<String> sql = r.details().stream().map(String::strip).filter(d -> d.endsWith(";")).toList();
        return sql.isEmpty() ? null : String.join("\n", sql);
    }

    private static String numbered(List<String> steps) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            b.append(i + 1).append(". ").append(steps.get(i)).append(i + 1 < steps.size() ? "\n\n" : "");
        }
        return b.toString();
    }

    private static String shortSha(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
    }

    @Override
    public void close() {
        session.close();
    }
}
