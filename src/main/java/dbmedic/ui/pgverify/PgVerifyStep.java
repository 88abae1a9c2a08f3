package dbmedic.ui.pgverify;

import dbmedic.ui.ReportButton;
import dbmedic.ui.WizardContext;
import dbmedic.ui.connect.FxPasswordPrompt;
import dbmedic.ui.immich.ImmichFlow;
import dbmedic.ui.immich.VerificationView;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.TextTable;
import dbmedic.ui.shell.Widgets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * After the migration: each check with its numbers (rows and checksums before and after,
 * column types and dimensions, the VectorChord version), and whether the conversion was lossless.
 */
public final class PgVerifyStep extends Step {
    private final WizardContext ctx;
    private final ImmichFlow flow;
    private final VBox view = new VBox(14);
    private final Label verdict = new Label();
    private final Label lossless = new Label();
    private final VBox checks = new VBox(6);
    private final TextTable<VerificationView.TableCompare> tables = new TextTable<>("No tables compared yet");
    private final Label backupNote = Widgets.wrapped("", "text-muted");
    private StepHost host;

    public PgVerifyStep(WizardContext ctx) {
        super("pgverify", "Verify");
        this.ctx = ctx;
        this.flow = ctx.immich;
        inFlowProperty().bind(flow.active);
        view.getStyleClass().add("step-view");
        verdict.setId("pgVerifyVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-3");
        lossless.setId("losslessStatement");
        lossless.setWrapText(true);
        lossless.getStyleClass().add("title-4");
        checks.setId("pgVerifyChecks");
        tables.setId("pgVerifyTables");
        tables.column("Table", VerificationView.TableCompare::table)
                .column("Rows before", t -> String.format("%,d", t.rowsBefore()), "number")
                .column("Rows after", t -> String.format("%,d", t.rowsAfter()), "number")
                .column("Checksum before", t -> shortSha(t.shaBefore()), "mono")
                .column("Checksum after", t -> shortSha(t.shaAfter()), "mono")
                .column("Column type now", VerificationView.TableCompare::typeAfter, "mono");
        backupNote.setId("pgVerifyBackupNote");
        Button again = new Button("_Verify again");
        again.setMnemonicParsing(true);
        again.setId("pgReverify");
        again.setOnAction(e -> run());
        view.getChildren().addAll(verdict, lossless, checks, tables, backupNote,
                new HBox(10, again, ReportButton.create(ctx, () -> host, () -> null,
                        () -> flow.verification.get() == null ? null
                                : MigrationReport.markdown(flow.plan.get(), flow.verification.get()))));
        flow.verification.addListener((o, a, v) -> {
            setValid(v != null || !flow.migrated());
            if (v == null) {
                verdict.setText("");
                lossless.setText("");
                checks.getChildren().clear();
                tables.getItems().clear();
                backupNote.setText("");
            } else {
                show(v);
            }
        });
        flow.phasesDone.addListener((o, a, n) -> flow.verification.set(null));
    }

    private static String shortSha(String sha) {
        return sha == null ? "—" : sha.substring(0, Math.min(12, sha.length()));
    }

    private void run() {
        var plan = flow.plan.get();
        Object evidence = flow.backupEvidence();
        if (plan == null || evidence == null || !flow.migrated()) {
            verdict.setText("Nothing to verify: no migration ran in this session.");
            setValid(!flow.migrated());
            return;
        }
        verdict.setText("Verifying…");
        verdict.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        host.run("Verifying", p -> flow.engine(ctx.targetText.get(),
                dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get()),
                new FxPasswordPrompt(host.window())).verify(plan, evidence, p), flow.verification::set, e -> {
                    verdict.setText("The verification did not finish.");
                    host.showError(ctx.explain(e));
                });
    }

    private void show(VerificationView v) {
        verdict.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        verdict.getStyleClass().add(v.ok() ? "verdict-ok" : "verdict-problems");
        verdict.setText(v.ok() ? "✔ Verified: " + v.summary() : "✖ Problems found: " + v.summary());
        lossless.getStyleClass().removeAll("verdict-ok", "verdict-problems");
        lossless.getStyleClass().add(v.lossless() ? "verdict-ok" : "verdict-problems");
        long rows = v.tables().stream().mapToLong(VerificationView.TableCompare::rowsAfter).sum();
        lossless.setText(v.lossless()
                ? "Lossless: all " + String.format("%,d", rows) + " embeddings are exactly as they were in the backup "
                        + "(same rows, same checksums)."
                : "Not proven lossless: see the checks marked ✖. Your backup is intact; do not start Immich yet.");
        checks.getChildren().clear();
        for (VerificationView.Check c : v.checks()) {
            Label l = Widgets.wrapped((c.passed() ? "✔ " : "✖ ") + c.name() + (c.detail() == null || c.detail().isBlank()
                    ? "" : ": " + c.detail()), c.passed() ? "check-pass" : "check-fail");
            checks.getChildren().add(l);
        }
        tables.show(v.tables());
        var b = flow.backup.get();
        backupNote.setText(b == null ? "" : "Keep the backup in " + b.folder() + " until Immich has reindexed and "
                + "searches work again. Next: start Immich and watch it reindex.");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (flow.verification.get() == null) {
            run();
        }
    }
}
