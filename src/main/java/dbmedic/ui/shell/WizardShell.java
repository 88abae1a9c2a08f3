package dbmedic.ui.shell;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The wizard's frame: step list on the left, header (step title, target) and banner on top,
 * the current step's page in the centre, progress + Cancel and Back / Next at the bottom.
 * Navigation is refused while background work runs.
 */
public final class WizardShell extends BorderPane implements StepHost {
    private final List<Step> steps;
    private final BackgroundRunner runner;
    private final Sidebar sidebar;
    private final Banner banner = new Banner();
    private final Label stepTitle = new Label();
    private final ScrollPane centre = new ScrollPane();
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private int index = -1;
    private Consumer<File> onDrop = f -> { };

    public WizardShell(List<Step> steps, ObservableStringValue targetText, BackgroundRunner runner) {
        this.steps = List.copyOf(steps);
        this.runner = runner;
        this.sidebar = new Sidebar(this.steps);
        // sidebar footer: About (version, log file) at the bottom of the step list
        Region footerGap = new Region();
        VBox.setVgrow(footerGap, Priority.ALWAYS);
        sidebar.getChildren().addAll(footerGap, dbmedic.ui.about.AboutDialog.link());
        getStyleClass().add("wizard");
        setLeft(sidebar);
        centre.setId("stepPane");
        centre.setFitToWidth(true);
        centre.getStyleClass().add("step-pane");
        // the sidebar runs the full height; header and footer belong to the page
        setCenter(new BorderPane(centre, header(targetText), null, footer(), null));
        // a flow change (the target turned out to be PostgreSQL, a plan has an image swap)
        // renumbers the sidebar and may make the current page the last one
        for (Step s : this.steps) {
            s.inFlowProperty().addListener((o, a, b) -> {
                if (index >= 0) {
                    sidebar.show(index);
                    next.setText(nextInFlow(index) < 0 ? "_Close" : current().nextLabel());
                }
            });
        }
        goTo(0);
    }

    private Node header(ObservableStringValue targetText) {
        stepTitle.setId("stepTitle");
        stepTitle.getStyleClass().add("title-2");
        Label target = new Label();
        target.setId("targetHeader");
        target.getStyleClass().add("target-header");
        target.textProperty().bind(targetText);
        target.setWrapText(true);
        VBox box = new VBox(4, stepTitle, target, banner);
        box.getStyleClass().add("header");
        return box;
    }

    private Node footer() {
        ProgressBar bar = new ProgressBar();
        bar.setId("workProgress");
        bar.setPrefWidth(220);
        Label message = new Label();
        message.setId("workMessage");
        message.getStyleClass().add("work-message");
        Button cancel = new Button("Cancel");
        cancel.setId("cancelWork");
        cancel.setOnAction(e -> runner.cancel());
        HBox work = new HBox(10, bar, message, cancel);
        work.setId("workRow");
        work.getStyleClass().add("work-row");
        work.visibleProperty().bind(runner.busyProperty());
        runner.currentProperty().addListener((o, old, task) -> {
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            if (task != null) {
                bar.progressProperty().bind(task.progressProperty());
                message.textProperty().bind(Bindings.concat(task.titleProperty(), ": ", task.messageProperty()));
            }
        });

        back.setId("back");
        back.setMnemonicParsing(true);
        back.setOnAction(e -> back());
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.setOnAction(e -> next());
        next.getStyleClass().add("accent");
        // when a step becomes done (backup verified, repair applied), Next is the thing to do:
        // move focus there, so Enter continues, unless the user is typing
        next.disabledProperty().addListener((o, was, disabled) -> {
            if (!disabled && getScene() != null
                    && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                next.requestFocus();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, work, spacer, back, next);
        footer.getStyleClass().add("footer");
        return footer;
    }

    /** Keyboard and drag-and-drop for the whole window; call once the shell is in its scene. */
    public void install(Scene scene) {
        installShortcuts();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), this::next);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), this::back);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && runner.isBusy()) {
                runner.cancel();
                e.consume();
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !runner.isBusy()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            boolean ok = !files.isEmpty() && !runner.isBusy();
            if (ok) {
                onDrop.accept(files.get(0));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void installShortcuts() {
        if (getScene() != null) {
            current().shortcuts().forEach((keys, action) -> getScene().getAccelerators().put(keys, () -> {
                if (!runner.isBusy()) {
                    action.run();
                }
            }));
        }
    }

    /** Puts keyboard focus on the page (not its first button), so Enter means Next. */
    public void focusPage() {
        centre.requestFocus();
    }

    /** What to do with a file or folder dropped anywhere on the window. */
    public void setOnDrop(Consumer<File> onDrop) {
        this.onDrop = onDrop;
    }

    /** True while background work runs (the window should not close under it). */
    public boolean isBusy() {
        return runner.isBusy();
    }

    public Step current() {
        return steps.get(index);
    }

    private int nextInFlow(int from) {
        for (int i = from + 1; i < steps.size(); i++) {
            if (steps.get(i).inFlow()) {
                return i;
            }
        }
        return -1;
    }

    private int previousInFlow(int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (steps.get(i).inFlow()) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void next() {
        int following = nextInFlow(index);
        if (following >= 0 && !next.isDisabled() && current().validProperty().get()) {
            goTo(following);
        } else if (following < 0 && current().validProperty().get() && !runner.isBusy()) {
            Window w = window();
            if (w instanceof javafx.stage.Stage stage) {
                stage.close();
            }
        }
    }

    public void back() {
        int previous = previousInFlow(index);
        if (previous >= 0 && !runner.isBusy()) {
            goTo(previous);
        }
    }

    @Override
    public void goTo(String stepKey) {
        if (runner.isBusy()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(stepKey)) {
                goTo(i);
                return;
            }
        }
        throw new IllegalArgumentException("No step " + stepKey);
    }

    private void goTo(int target) {
        if (index >= 0) {
            current().onLeave();
            if (getScene() != null) {
                current().shortcuts().keySet().forEach(getScene().getAccelerators()::remove);
            }
        }
        index = target;
        Step step = current();
        banner.hide();
        stepTitle.setText(step.title());
        sidebar.show(index);
        centre.setContent(step.view());
        centre.setVvalue(0);
        back.disableProperty().bind(runner.busyProperty().or(Bindings.createBooleanBinding(() -> previousInFlow(index) < 0)));
        next.disableProperty().bind(runner.busyProperty().or(step.validProperty().not()));
        next.setText(nextInFlow(index) < 0 ? "_Close" : step.nextLabel());
        // focus the page, not its first button, so Enter means Next (a step may focus its field instead)
        focusPage();
        installShortcuts();
        step.onEnter(this);
    }

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess) {
        run(title, job, onSuccess, e -> showError(ErrorMessages.oneLine(e)));
    }

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        banner.hide();
        runner.run(title, job, onSuccess, onFailure);
    }

    @Override
    public <T> void runQuietly(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        runner.runQuietly(job, onSuccess, onFailure);
    }

    @Override
    public void reveal(Node node) {
        // after the next layout pass, so new content has its size
        javafx.application.Platform.runLater(() -> {
            Node content = centre.getContent();
            if (content == null || node.getScene() == null) {
                return;
            }
            centre.applyCss();
            centre.layout();
            double top = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double extra = content.getBoundsInLocal().getHeight() - centre.getViewportBounds().getHeight();
            if (extra > 0) {
                centre.setVvalue(Math.max(0, Math.min(1, (top - 12) / extra)));
            }
        });
    }

    @Override
    public void showError(String line) {
        banner.error(line);
    }

    @Override
    public void showNotice(String line) {
        banner.notice(line);
    }

    @Override
    public void clearBanner() {
        banner.hide();
    }

    @Override
    public Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
