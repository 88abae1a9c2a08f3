package dbmedic.ui.verify;

import dbmedic.core.verify.VerifyResult;
import dbmedic.ui.ReportButton;
import dbmedic.ui.WizardContext;
import dbmedic.ui.backup.RowCountTable;
import dbmedic.ui.finding.FindingList;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Re-diagnoses the database and compares its row counts with the backup. */
public final class VerifyStep extends Step {
    private final WizardContext ctx;
    private final VBox view = new VBox(14);
    private final Label verdict = new Label();
    private final Label backupNote = Widgets.wrapped("", "text-muted");
    private final VBox problems = new VBox(4);
    private final RowCountTable rows = new RowCountTable("Before (backup)", "After");
    private final Label remainingHead = new Label("What the diagnosis says now");
    private final FindingList remaining;
    private StepHost host;

    public VerifyStep(WizardContext ctx) {
        super("verify", "Verify");
        this.ctx = ctx;
        this.remaining = new FindingList(ctx.links());
        view.getStyleClass().add("step-view");
        verdict.setId("verifyVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-3");
        problems.setId("verifyProblems");
        rows.setId("verifyRowCounts");
        remaining.setId("remainingFindings");
        remainingHead.getStyleClass().add("title-4");
        Button again = new Button("Verify again");
        again.setId("reverify");
        again.setOnAction(e -> run());
        backupNote.setId("verifyBackupNote");
        view.getChildren().addAll(verdict, backupNote, problems, new HBox(10, again, ReportButton.create(ctx, () -> host, ctx.verify::get)),
                rows, remainingHead, remaining);
        ctx.verify.addListener((o, a, v) -> {
            setValid(v != null);
            if (v == null) {
                verdict.setText("");
                backupNote.setText("");
                problems.getChildren().clear();
                rows.getItems().clear();
                remaining.getChildren().clear();
            }
        });
    }

    private void run() {
        var target = ctx.target.get();
        var backup = ctx.backup.get();
        var plan = ctx.repaired.get() ? ctx.plan.get() : null;
        verdict.setText("Verifying…");
        verdict.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        host.run("Verifying", p -> ctx.medic().verify(target, backup, plan, p), this::show, e -> {
            verdict.setText("The verification did not finish.");
            host.showError(dbmedic.ui.shell.ErrorMessages.oneLine(e));
        });
    }

    private void show(VerifyResult v) {
        ctx.verify.set(v);
        verdict.getStyleClass().add(v.ok() ? "verdict-ok" : "verdict-problems");
        verdict.setText(v.ok()
                ? "✔ Verified: the database is consistent and every row is accounted for."
                : "✖ Problems remain: see below.");
        backupNote.setText("The verified backup taken before the repair stays at " + ctx.backup.get().file()
                + " — keep it until the app has run well for a while.");
        problems.getChildren().clear();
        v.problems().forEach(p -> problems.getChildren().add(Widgets.wrapped("✖ " + p, "verify-problem")));
        rows.showBeforeAfter(v.rowCounts());
        remaining.show(v.after() == null ? java.util.List.of() : v.after().findings());
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (ctx.verify.get() == null) {
            run();
        }
    }
}
