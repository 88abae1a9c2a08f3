package dbmedic.ui.start;

import dbmedic.core.finding.Finding;
import dbmedic.ui.WizardContext;
import dbmedic.ui.finding.FindingList;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Pick the app (or let DB Medic detect it), try the demo, or paste an error to explain. */
public final class StartStep extends Step {
    private final WizardContext ctx;
    private final Runnable tryDemo;
    private final VBox view = new VBox(14);
    private final FindingList explained;
    private final Label explainStatus = new Label();
    private StepHost host;

    /** {@code tryDemo} prepares the demo database off the FX thread and moves on to Connect. */
    public StartStep(WizardContext ctx, Runnable tryDemo) {
        super("start", "Start");
        this.ctx = ctx;
        this.tryDemo = tryDemo;
        this.explained = new FindingList(ctx.links());
        build();
        setValid(true);
    }

    private void build() {
        view.getStyleClass().add("step-view");
        Label q = new Label("Which app's database stopped working?");
        q.getStyleClass().add("title-4");
        ToggleGroup group = new ToggleGroup();
        RadioButton invoke = radio(group, "appInvokeai", "InvokeAI (image generation)", "invokeai");
        RadioButton gpu = radio(group, "appGpustack", "GPUStack v0.x (model serving)", "gpustack");
        RadioButton immich = radio(group, "appImmich", "Immich (photos, PostgreSQL: the move to VectorChord)", "immich");
        RadioButton detect = radio(group, "appDetect", "Detect it for me", null);
        group.selectToggle(ctx.app.get() == null ? detect : ctx.app.get().equals("gpustack") ? gpu : invoke);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                ctx.app.set((String) t.getUserData());
            }
        });
        ctx.app.addListener((o, a, id) -> group.selectToggle(id == null ? detect : id.equals("gpustack") ? gpu : invoke));
        VBox apps = new VBox(8, invoke, gpu, immich, detect);

        Button demo = new Button("_Try the demo");
        demo.setMnemonicParsing(true);
        demo.setId("tryDemo");
        demo.setOnAction(e -> tryDemo.run());
        Label demoText = Widgets.wrapped("Opens a copy of a broken InvokeAI database made for the demo; nothing of yours is touched.", "text-muted");
        HBox demoRow = new HBox(12, demo, demoText);
        demoRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label pasteHead = new Label("Or paste an error message from the app's log");
        pasteHead.getStyleClass().add("title-4");
        TextArea error = new TextArea();
        error.setId("errorText");
        error.setPromptText("e.g. sqlite3.OperationalError: no such column: destination");
        error.setPrefRowCount(4);
        error.setWrapText(true);
        error.getStyleClass().add("code");
        Button explain = new Button("E_xplain");
        explain.setMnemonicParsing(true);
        explain.setId("explain");
        explain.disableProperty().bind(error.textProperty().isEmpty());
        explain.setOnAction(e -> explain(error.getText()));
        explainStatus.setId("explainStatus");
        explainStatus.setWrapText(true);
        explained.setId("explainResults");

        view.getChildren().addAll(q, apps, new Separator(), demoRow, new Separator(),
                pasteHead, error, row(explain, explainStatus), explained);
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(12, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static RadioButton radio(ToggleGroup g, String id, String text, String app) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(g);
        r.setUserData(app);
        return r;
    }

    private void explain(String text) {
        if (host == null) {
            return;
        }
        host.run("Explaining", p -> ctx.medic().explain(text), this::showExplained);
    }

    private void showExplained(List<Finding> findings) {
        explainStatus.setText(findings.isEmpty()
                ? "No known error matched. Connect the database and let DB Medic diagnose it."
                : "This error matches " + findings.size() + (findings.size() == 1 ? " known problem:" : " known problems:"));
        explained.show(findings);
        host.reveal(explainStatus);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
    }
}
