package dbmedic.ui.imageswap;

import dbmedic.core.task.CancelledException;
import dbmedic.ui.WizardContext;
import dbmedic.ui.connect.FxPasswordPrompt;
import dbmedic.ui.immich.ImmichFlow;
import dbmedic.ui.immich.MigrationOffer;
import dbmedic.ui.immich.PhaseConfirm;
import dbmedic.ui.immich.PlanView;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The pause of a two-phase plan: phase 1 ran on the old database image; the user now swaps
 * the image (instructions per kind of setup), then "check again" re-reads the server and, when
 * the new image is in place, runs phase 2 from the journal. Also where a restarted wizard
 * resumes a migration left half-way.
 */
public final class ImageSwapStep extends Step {
    private final WizardContext ctx;
    private final ImmichFlow flow;
    private final VBox view = new VBox(14);
    private final Label headline = new Label();
    private final Label summary = new Label();
    private final TabPane setups = new TabPane();
    private final Label missing = new Label();
    private final Label phaseHead = new Label();
    private final TextArea preview = Widgets.code("");
    private final Button check = new Button("I have swapped the image — _check again");
    private final Label status = new Label();
    private final Label safe = Widgets.wrapped("", "text-muted");
    private StepHost host;

    public ImageSwapStep(WizardContext ctx) {
        super("imageswap", "Image swap");
        this.ctx = ctx;
        this.flow = ctx.immich;
        inFlowProperty().bind(flow.active.and(Bindings.createBooleanBinding(() -> flow.plan.get() != null
                && flow.plan.get().hasImageSwap(), flow.plan)));
        build();
        flow.plan.addListener((o, a, p) -> refresh());
        flow.phasesDone.addListener((o, a, n) -> refresh());
    }

    private void build() {
        view.getStyleClass().add("step-view");
        headline.setId("swapHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("title-4");
        summary.setId("swapSummary");
        summary.setWrapText(true);
        setups.setId("swapSetups");
        setups.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        missing.setId("swapMissing");
        missing.setWrapText(true);
        missing.getStyleClass().add("verdict-problems");
        phaseHead.setWrapText(true);
        phaseHead.getStyleClass().add("title-4");
        preview.setId("swapPhasePreview");
        check.setId("checkSwap");
        check.setMnemonicParsing(true);
        check.getStyleClass().add("accent");
        check.setOnAction(e -> checkAgain());
        status.setId("swapStatus");
        status.setWrapText(true);
        status.getStyleClass().add("title-4");
        safe.setText("Your embeddings are safe meanwhile: phase 1 kept every row as a plain array of "
                + "numbers (real[]), which any PostgreSQL image can read. DB Medic wrote down the dimensions and the phase "
                + "in its journal, so you can close the wizard and come back later.");
        view.getChildren().addAll(headline, summary, setups, safe, check, missing, phaseHead, preview, status);
        refresh();
    }

    private void refresh() {
        PlanView p = flow.plan.get();
        int next = flow.nextPhase();
        setups.getTabs().clear();
        missing.setText("");
        if (p == null || !p.hasImageSwap()) {
            headline.setText("");
            summary.setText("");
            setValid(false);
            return;
        }
        PlanView.SwapView swap = p.phases().stream().map(PlanView.PhaseView::swap)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        int swapAfter = 0;
        while (p.phases().get(swapAfter).swap() == null) {
            swapAfter++;
        }
        boolean beforeSwap = flow.phasesDone.get() <= swapAfter;
        boolean done = flow.migrated();
        headline.setText(done ? "✔ The new image is in place and the migration is complete."
                : beforeSwap ? "First run phase " + (swapAfter + 1) + " on the Migrate page; then swap the image here."
                : "Now swap the database image, then come back here and press \"check again\".");
        // the engine's summary speaks of phase 1 as done: before it, say what is coming instead
        summary.setText(beforeSwap ? "After phase 1, you replace the database image with one that ships VectorChord. "
                + "What to change, for your kind of setup:" : swap.summary());
        safe.setVisible(!beforeSwap && !done);
        safe.setManaged(safe.isVisible());
        for (PlanView.SetupInstructions s : swap.setups()) {
            TextArea text = Widgets.code(s.instructions());
            text.setWrapText(true);
            text.setPrefRowCount(12);
            var copy = Widgets.copyButton("Copy", s::instructions);
            Tab tab = new Tab(s.setup(), new VBox(8, text, copy));
            tab.setId("swap-" + s.setup().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT));
            setups.getTabs().add(tab);
        }
        boolean waiting = !beforeSwap && !done;
        check.setDisable(!waiting);
        if (next >= 0 && waiting) {
            var statements = p.phases().get(next).statements();
            phaseHead.setText("Then DB Medic runs phase " + (next + 1) + " (" + p.phases().get(next).name()
                    + "), " + statements.size() + " statements in one transaction:");
            preview.setText(String.join(";\n", statements.stream().map(String::strip)
                    .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList()) + ";");
        }
        phaseHead.setVisible(waiting);
        phaseHead.setManaged(waiting);
        preview.setVisible(waiting);
        preview.setManaged(waiting);
        setValid(done);
    }

    private void checkAgain() {
        missing.setText("");
        status.getStyleClass().setAll("label", "title-4");
        status.setText("Reading the server again…");
        host.run("Checking the database image", p -> flow.engine(ctx.targetText.get(),
                dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get()),
                new FxPasswordPrompt(host.window())).offer(p), this::checked, e -> {
                    status.setText("DB Medic could not read the server. Is the database running again?");
                    host.showError(ctx.explain(e));
                });
    }

    private void checked(MigrationOffer offer) {
        flow.offer.set(offer);
        MigrationOffer.Pending pending = offer.pending();
        if (pending == null) {
            status.setText("DB Medic found no migration waiting for this database.");
            return;
        }
        if (!pending.ready()) {
            status.setText("");
            missing.setText("✖ The new image is not in place yet. Still missing: " + String.join("; ", pending.missing()));
            host.reveal(missing);
            return;
        }
        PlanView plan = pending.plan();
        int phase = pending.nextPhase();
        if (!PhaseConfirm.ask(host.window(), plan, phase)) {
            status.setText("The new image is in place. Phase " + (phase + 1) + " waits for you.");
            return;
        }
        Object evidence = flow.backupEvidence();
        status.setText("Running phase " + (phase + 1) + "… keep Immich stopped.");
        host.run("Migrating", p -> {
            flow.engine(ctx.targetText.get(), null, null).apply(plan, phase, evidence, p);
            return phase;
        }, done -> {
            flow.phasesDone.set(done + 1);
            status.getStyleClass().setAll("label", "title-4", "verdict-ok");
            status.setText(flow.migrated() ? "✔ Migrated and committed. Next, verify that nothing was lost."
                    : "✔ Phase " + (done + 1) + " committed.");
            host.reveal(status);
        }, e -> {
            status.getStyleClass().setAll("label", "title-4", "verdict-problems");
            status.setText(e instanceof CancelledException
                    ? "✖ Cancelled and rolled back. Phase " + (phase + 1) + " can run again."
                    : "✖ Phase " + (phase + 1) + " did not complete and was rolled back.");
            host.showError(ctx.explain(e));
        });
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        refresh();
    }
}
