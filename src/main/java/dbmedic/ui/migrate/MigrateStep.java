package dbmedic.ui.migrate;

import dbmedic.core.task.CancelledException;
import dbmedic.ui.WizardContext;
import dbmedic.ui.connect.FxPasswordPrompt;
import dbmedic.ui.immich.ImmichFlow;
import dbmedic.ui.immich.MigrationOffer;
import dbmedic.ui.immich.PhaseConfirm;
import dbmedic.ui.immich.PlanView;
import dbmedic.ui.immich.RefusalCard;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The plans DB Medic offers for this database (recommended first), the guards that refuse,
 * every statement of the phase to run, then Apply after a confirmation; Cancel rolls back.
 */
public final class MigrateStep extends Step {
    private final WizardContext ctx;
    private final ImmichFlow flow;
    private final VBox view = new VBox(14);
    private final Label headline = new Label();
    private final VBox refusals = new VBox(10);
    private final Label plansHead = new Label("Choose how to migrate");
    private final VBox plans = new VBox(10);
    private final ToggleGroup choice = new ToggleGroup();
    private final Label previewHead = new Label();
    private final TextArea preview = Widgets.code("");
    private final Button copy = Widgets.copyButton("Copy statements", preview::getText);
    private final Button apply = new Button("_Apply…");
    private final Label status = new Label();
    private StepHost host;

    public MigrateStep(WizardContext ctx) {
        super("migrate", "Migrate");
        this.ctx = ctx;
        this.flow = ctx.immich;
        inFlowProperty().bind(flow.active);
        build();
        flow.offer.addListener((o, a, offer) -> showOffer(offer));
        flow.plan.addListener((o, a, p) -> showPlan());
        flow.phasesDone.addListener((o, a, n) -> showPlan());
        flow.backup.addListener((o, a, b) -> showPlan());
    }

    private void build() {
        view.getStyleClass().add("step-view");
        headline.setId("migrateHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("title-4");
        refusals.setId("refusals");
        plansHead.getStyleClass().add("title-4");
        plans.setId("plans");
        previewHead.setId("previewHead");
        previewHead.setWrapText(true);
        previewHead.getStyleClass().add("title-4");
        preview.setId("migrationPreview");
        preview.getStyleClass().add("plan-preview");
        copy.setId("copyMigration");
        apply.setId("applyMigration");
        apply.setMnemonicParsing(true);
        apply.getStyleClass().add("danger");
        apply.setOnAction(e -> apply());
        status.setId("migrateStatus");
        status.setWrapText(true);
        status.getStyleClass().add("title-4");
        Button reread = new Button("_Read the server again");
        reread.setMnemonicParsing(true);
        reread.setId("rereadServer");
        reread.setOnAction(e -> load());
        Label rollback = Widgets.wrapped("Each phase runs in one transaction. If anything fails, or you press Cancel "
                + "(or Esc) while it runs, PostgreSQL rolls all of it back and the database stays as it was.", "text-muted");
        choice.selectedToggleProperty().addListener((o, a, t) -> flow.plan.set(t == null ? null : (PlanView) t.getUserData()));
        view.getChildren().addAll(headline, refusals, plansHead, plans, previewHead, preview, copy, rollback,
                new HBox(10, apply, reread), status);
        showOffer(null);
    }

    private void load() {
        headline.setText("Reading the server…");
        host.run("Reading the server", p -> flow.engine(ctx.targetText.get(),
                        dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get()),
                        new FxPasswordPrompt(host.window())).offer(p), flow.offer::set, e -> {
                            headline.setText("DB Medic could not read the server.");
                            host.showError(ctx.explain(e));
                        });
    }

    private void showOffer(MigrationOffer offer) {
        plans.getChildren().clear();
        choice.getToggles().clear();
        boolean any = offer != null && !offer.plans().isEmpty();
        plansHead.setVisible(any);
        plansHead.setManaged(any);
        status.setText("");
        if (offer == null) {
            headline.setText("");
            showPlan();
            return;
        }
        MigrationOffer.Pending pending = offer.pending();
        if (pending != null) {
            headline.setText("A migration was started earlier and waits for its phase " + (pending.nextPhase() + 1)
                    + ": \"" + pending.plan().title() + "\". DB Medic continues it from its journal.\n" + offer.state());
        } else if (!any) {
            headline.setText(offer.state() + "\nNothing to migrate: this database needs none of DB Medic's plans.");
        } else {
            headline.setText(offer.state());
        }
        for (PlanView p : offer.plans()) {
            RadioButton radio = new RadioButton(p.title() + (p.recommended() ? "  (recommended)" : ""));
            radio.setId("plan-" + p.id());
            radio.setUserData(p);
            radio.setToggleGroup(choice);
            radio.getStyleClass().add("plan-choice");
            radio.setWrapText(true);
            Label why = Widgets.wrapped(p.explanation(), "text-muted", "plan-explanation");
            why.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
            plans.getChildren().add(new VBox(4, radio, why));
            radio.setDisable(pending != null && !pending.plan().id().equals(p.id()));
        }
        PlanView keep = pending != null ? pending.plan() : flow.plan.get();
        Toggle select = choice.getToggles().stream()
                .filter(t -> keep != null && ((PlanView) t.getUserData()).id().equals(keep.id())).findFirst()
                .orElse(choice.getToggles().isEmpty() ? null : choice.getToggles().get(0));
        if (select != null) {
            choice.selectToggle(select);
            // a re-read plan carries fresh guards: show them even when the id did not change
            flow.plan.set((PlanView) select.getUserData());
        } else if (flow.phasesDone.get() == 0) {
            flow.plan.set(null);
        }
        if (pending != null) {
            flow.phasesDone.set(pending.nextPhase());
        }
        showPlan();
    }

    private void showPlan() {
        PlanView p = flow.plan.get();
        MigrationOffer offer = flow.offer.get();
        refusals.getChildren().clear();
        if (p != null) {
            p.refusals().forEach(r -> refusals.getChildren().add(new RefusalCard(r)));
        }
        boolean show = p != null;
        for (Node n : new Node[] {previewHead, preview, copy}) {
            n.setVisible(show);
            n.setManaged(show);
        }
        int phase = flow.nextPhase();
        boolean backedUp = flow.backupEvidence() != null;
        apply.setDisable(offer == null || p == null || p.refused() || phase < 0 || !backedUp || waitingForSwap());
        if (show) {
            int at = phase < 0 ? p.phases().size() - 1 : phase;
            var statements = p.phases().get(at).statements();
            StringBuilder text = new StringBuilder();
            for (int n = 0; n < statements.size(); n++) {
                text.append(String.format("-- %d%n%s;%n", n + 1, strip(statements.get(n))));
            }
            preview.setText(text.toString().strip());
            preview.setPrefRowCount((int) Math.min(16, Math.max(3, preview.getText().lines().count())));
            String phaseName = p.phases().size() > 1 ? "Phase " + (at + 1) + " of " + p.phases().size()
                    + " (" + p.phases().get(at).name() + "): " : "";
            String count = (statements.size() == 1 ? "this statement runs" : "these " + statements.size()
                    + " statements run") + " in one transaction.";
            previewHead.setText(phaseName.isEmpty() ? Character.toUpperCase(count.charAt(0)) + count.substring(1)
                    : phaseName + count);
            if (p.hasImageSwap() && at == 0) {
                previewHead.setText(previewHead.getText() + " After it, you swap the database image; then DB Medic "
                        + "runs phase 2.");
            }
            if (p.refused()) {
                status.getStyleClass().setAll("label", "title-4", "verdict-problems");
                status.setText("DB Medic will not apply this plan now: see above why, and what to do. Then press "
                        + "\"Read the server again\".");
            } else if (!backedUp && phase >= 0) {
                status.getStyleClass().setAll("label", "title-4", "verdict-problems");
                status.setText("Make a verified backup first (previous page).");
            } else if (status.getStyleClass().contains("verdict-problems")) {
                status.setText("");
            }
        }
        // nothing to migrate (already on VectorChord): go on, to watch Immich start
        boolean nothing = offer != null && offer.plans().isEmpty() && offer.pending() == null;
        setValid(flow.migrated() || waitingForSwap() || nothing);
    }

    /** Phase 1 of a two-phase plan is committed and the image swap comes next. */
    private boolean waitingForSwap() {
        PlanView p = flow.plan.get();
        int next = flow.nextPhase();
        return p != null && next > 0 && p.phases().get(next - 1).swap() != null;
    }

    private static String strip(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private void apply() {
        PlanView plan = flow.plan.get();
        int phase = flow.nextPhase();
        if (plan == null || phase < 0 || !PhaseConfirm.ask(host.window(), plan, phase)) {
            return;
        }
        Object evidence = flow.backupEvidence();
        status.getStyleClass().setAll("label", "title-4");
        status.setText("Migrating… keep Immich stopped.");
        host.run("Migrating", p -> {
            flow.engine(ctx.targetText.get(), null, null).apply(plan, phase, evidence, p);
            return phase;
        }, done -> {
            flow.phasesDone.set(done + 1);
            status.getStyleClass().setAll("label", "title-4", "verdict-ok");
            if (flow.migrated()) {
                status.setText("✔ Migrated and committed. Next, verify that nothing was lost.");
            } else {
                status.setText("✔ Phase " + (done + 1) + " committed. Next, swap the database image.");
            }
            host.reveal(status);
        }, this::failed);
    }

    private void failed(Throwable e) {
        status.getStyleClass().setAll("label", "title-4", "verdict-problems");
        if (e instanceof dbmedic.core.immich.migrate.MigrationRefusedException) {
            // something changed since the page was read (Immich started again): read the server again,
            // and the refusal shows with its reason and what to do; nothing was changed
            load();
            return;
        }
        status.setText(e instanceof CancelledException
                ? "✖ Cancelled and rolled back. The database is as it was before Apply."
                : "✖ The migration did not complete and was rolled back; the database is as it was before Apply.");
        host.showError(ctx.explain(e));
        host.reveal(status);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (flow.offer.get() == null) {
            load();
        }
    }
}
