package dbmedic.ui.repair;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.plan.PlanStep;
import dbmedic.core.plan.RepairFailedException;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.task.CancelledException;
import dbmedic.ui.WizardContext;
import dbmedic.ui.shell.ErrorMessages;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The exact statements first (numbered, copyable), then an explicit confirmation, then
 * Apply in one transaction with progress and Cancel. A failure means rolled back: said so.
 */
public final class RepairStep extends Step {
    private final WizardContext ctx;
    private final VBox view = new VBox(14);
    private final Label headline = new Label();
    private final VBox stepsBox = new VBox(4);
    private final TextArea preview = Widgets.code("");
    private final Button copy = Widgets.copyButton("Copy statements", preview::getText);
    private final VBox notes = new VBox(4);
    private final CheckBox confirm = new CheckBox("I have read these statements and want DB Medic to run them  (Alt+I)");
    private final Button apply = new Button("_Apply repair");
    private final Label status = new Label();
    private StepHost host;

    public RepairStep(WizardContext ctx) {
        super("repair", "Repair");
        this.ctx = ctx;
        build();
        ctx.plan.addListener((o, a, p) -> {
            if (p == null) {
                clear();
            } else {
                show(p);
            }
            updateValid();
        });
        ctx.repaired.addListener((o, a, r) -> updateValid());
    }

    private void build() {
        view.getStyleClass().add("step-view");
        headline.setId("repairHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("title-4");
        preview.setId("planPreview");
        preview.getStyleClass().add("plan-preview");
        copy.setId("copyPlan");
        notes.setId("planNotes");
        confirm.setId("confirmRead");
        apply.setMnemonicParsing(true);
        confirm.setWrapText(true);
        apply.setId("applyRepair");
        apply.getStyleClass().add("danger");
        apply.disableProperty().bind(confirm.selectedProperty().not().or(ctx.repaired).or(ctx.plan.isNull()));
        apply.setOnAction(e -> apply());
        status.setId("repairStatus");
        status.setWrapText(true);
        status.getStyleClass().add("title-4");
        view.getChildren().addAll(headline, stepsBox, preview, copy, notes, confirm, apply, status);
        showPlanParts(false);
    }

    private void showPlanParts(boolean show) {
        // confirm and apply stay in the scene (disabled) so their mnemonics stay registered
        for (Node n : List.of(stepsBox, preview, copy)) {
            n.setVisible(show);
            n.setManaged(show);
        }
        confirm.setDisable(!show);
    }

    private void plan() {
        Diagnosis d = ctx.diagnosis.get();
        headline.setText("Preparing the repair plan…");
        host.run("Planning", p -> ctx.medic().plan(d), ctx.plan::set, e -> {
            headline.setText("No repair plan could be made.");
            host.showError(ErrorMessages.oneLine(e));
        });
    }

    private void show(RepairPlan plan) {
        status.setText("");
        notes.getChildren().clear();
        for (String note : plan.notes()) {
            notes.getChildren().add(Widgets.wrapped("Note: " + note, "plan-note"));
        }
        if (plan.isEmpty()) {
            headline.setText("Nothing to repair: no problem found has an automatic fix. Go on to verify.");
            showPlanParts(false);
            return;
        }
        List<String> statements = plan.statements();
        headline.setText(statements.size() == 1
                ? "The repair runs this statement, in a transaction, after your verified backup."
                : "The repair runs these " + statements.size() + " statements in one transaction: all of them, or none.");
        stepsBox.getChildren().clear();
        int i = 1;
        for (PlanStep s : plan.steps()) {
            stepsBox.getChildren().add(Widgets.wrapped((i++) + ". " + s.description(), "plan-step"));
        }
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < statements.size(); n++) {
            text.append(String.format("-- %d%n%s;%n", n + 1, strip(statements.get(n))));
        }
        preview.setText(text.toString().strip());
        preview.setPrefRowCount((int) Math.min(18, Math.max(3, preview.getText().lines().count())));
        confirm.setSelected(false);
        showPlanParts(true);
    }

    private static String strip(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private void apply() {
        var target = ctx.target.get();
        var plan = ctx.plan.get();
        var backup = ctx.backup.get();
        status.setText("Applying…");
        status.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        host.run("Repairing", p -> {
            ctx.medic().repair(target, plan, backup, p);
            return Boolean.TRUE;
        }, done -> {
            ctx.repaired.set(true);
            status.getStyleClass().add("verdict-ok");
            int n = plan.statements().size();
            status.setText("✔ Repaired: " + n + (n == 1 ? " statement" : " statements") + " applied and committed. "
                    + "Next, verify the result.");
        }, this::failed);
    }

    private void failed(Throwable e) {
        status.getStyleClass().add("verdict-problems");
        if (e instanceof CancelledException) {
            status.setText("✖ Cancelled and rolled back. The database is unchanged.");
        } else if (e instanceof RepairFailedException) {
            status.setText("✖ " + ErrorMessages.oneLine(e));
        } else {
            status.setText("✖ The repair did not complete.");
        }
        host.showError(ErrorMessages.oneLine(e));
    }

    private void updateValid() {
        RepairPlan p = ctx.plan.get();
        setValid(p != null && (p.isEmpty() || ctx.repaired.get()));
    }

    private void clear() {
        headline.setText("");
        stepsBox.getChildren().clear();
        preview.setText("");
        notes.getChildren().clear();
        status.setText("");
        confirm.setSelected(false);
        showPlanParts(false);
    }

    @Override
    public java.util.Map<javafx.scene.input.KeyCombination, Runnable> shortcuts() {
        return java.util.Map.of(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.I,
                javafx.scene.input.KeyCombination.ALT_DOWN), () -> {
                    if (!confirm.isDisabled()) {
                        confirm.fire();
                    }
                });
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (ctx.plan.get() == null && ctx.diagnosis.get() != null) {
            plan();
        }
    }
}
