package dbmedic.ui.diagnose;

import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.target.Target;
import dbmedic.ui.ReportButton;
import dbmedic.ui.WizardContext;
import dbmedic.ui.finding.FindingList;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Runs the (read-only) diagnosis in the background and shows the findings by severity. */
public final class DiagnoseStep extends Step {
    private final WizardContext ctx;
    private final VBox view = new VBox(14);
    private final Label verdict = new Label();
    private final Label route = Widgets.wrapped("", "text-muted");
    private final FindingList findings;
    private StepHost host;

    public DiagnoseStep(WizardContext ctx) {
        super("diagnose", "Diagnose");
        this.ctx = ctx;
        this.findings = new FindingList(ctx.links());
        findings.setId("findings");
        view.getStyleClass().add("step-view");
        verdict.setId("diagnoseVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-4");
        Button again = new Button("Diagnose again");
        again.setId("rediagnose");
        again.setOnAction(e -> run());
        Label readOnly = Widgets.wrapped("Diagnosis only reads the database; it never writes a byte.", "text-muted");
        route.setId("diagnoseRoute");
        route.visibleProperty().bind(route.textProperty().isNotEmpty());
        route.managedProperty().bind(route.visibleProperty());
        view.getChildren().addAll(verdict, route, readOnly,
                new HBox(10, again, ReportButton.create(ctx, () -> host, () -> null)), findings);
        // SQLite goes on to backup and repair, a live Immich database to its migration; other
        // PostgreSQL and offline targets end here
        setValidWhen();
        ctx.immich.active.addListener((o, a, b) -> setValidWhen());
        ctx.diagnosis.addListener((o, a, d) -> {
            setValidWhen();
            if (d == null) {
                verdict.setText("");
                findings.getChildren().clear();
            }
        });
    }

    private void setValidWhen() {
        var d = ctx.diagnosis.get();
        setValid(d != null && (dbmedic.core.Medic.canRepair(d.target()) || ctx.immich.active.get()));
    }

    private void run() {
        Target target = ctx.target.get();
        String client = dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get());
        String spec = ctx.targetText.get();
        DiagnoseOptions options = new DiagnoseOptions(ctx.app.get(), false, client,
                new dbmedic.ui.connect.FxPasswordPrompt(host.window()));
        boolean live = target instanceof dbmedic.core.postgres.PostgresTarget;
        boolean overSsh = live && ctx.ssh.enabled();
        verdict.setText(overSsh ? "Diagnosing through SSH (" + ctx.ssh.describe() + ")…" : "Diagnosing…");
        route.setText("");
        // A PostgreSQL URL's password is handed over once: resolve the field again for each run.
        host.run(overSsh ? "Connecting over SSH and diagnosing" : "Diagnosing", p -> {
            Target t = live ? ctx.medic().resolve(spec) : target;
            return ctx.medic().diagnose(t, ctx.ssh.route(t, options), p);
        }, this::show, e -> {
            verdict.setText("The diagnosis did not finish.");
            host.showError(ctx.explain(e));
        });
    }

    private void show(Diagnosis d) {
        ctx.diagnosis.set(d);
        route.setText(d.target() instanceof dbmedic.core.postgres.PostgresTarget pg && ctx.ssh.isConnected()
                ? "Reached through SSH: " + ctx.ssh.describe() + " → " + pg.host() + ":" + pg.port() + " as the server sees it."
                : "");
        verdict.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        verdict.getStyleClass().add(d.hasProblems() ? "verdict-problems" : "verdict-ok");
        String app = d.app() != null && d.app().recognised() ? d.app().name() + " database: " : "Database: ";
        verdict.setText(app + (d.hasProblems() ? "problems found — " : "healthy — ")
                + FindingList.tally(d.findings()) + "."
                + (d.repairable().isEmpty() ? "" : " " + d.repairable().size() + " can be repaired after a backup."));
        if (ctx.immich.active.get()) {
            verdict.setText(verdict.getText() + " Next: a verified backup, then the migration to VectorChord if"
                    + " this database needs it.");
        } else if (!dbmedic.core.Medic.canRepair(d.target())) {
            verdict.setText(verdict.getText() + (dbmedic.core.Medic.canMigrate(d.target())
                    ? " DB Medic migrates Immich's database; for this one apply the fixes below by hand, after a backup (pg_dump)."
                    : " A copied folder is only read, never changed: apply the fixes below on the server, after a backup (pg_dump)."));
        }
        findings.show(d.findings());
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (ctx.diagnosis.get() == null) {
            run();
        }
    }
}
