package dbmedic.ui.watch;

import dbmedic.ui.WizardContext;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.TextTable;
import dbmedic.ui.shell.Widgets;
import java.io.File;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Immich restarted after the migration rebuilds its two vector indexes; this page follows its
 * log (a file, or a local docker container) and shows each index waiting / reindexing / done,
 * the recent events (errors highlighted, linked to their finding's docs), and when Immich is ready.
 */
public final class WatchStep extends Step {
    static final int RECENT = 500;
    private final WizardContext ctx;
    private final LogFeed feed;
    private final VBox view = new VBox(14);
    private final ToggleGroup kind = new ToggleGroup();
    private final RadioButton fileKind = new RadioButton("Log _file");
    private final RadioButton dockerKind = new RadioButton("_Docker container");
    private final TextField file = new TextField();
    private final dbmedic.ui.connect.ssh.ContainerPicker container;
    private final Button start = new Button("_Start watching");
    private final Button stop = new Button("S_top");
    private final Label ready = new Label();
    private final TextTable<LogFeed.IndexView> indexes = new TextTable<>("Waiting for Immich to start reindexing…");
    private final ObservableList<LogFeed.EventView> events = FXCollections.observableArrayList();
    private final ListView<LogFeed.EventView> eventList = new ListView<>(events);
    private final Label status = new Label();
    private final javafx.animation.Timeline ticker = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> indexes.refresh()));
    private AutoCloseable running;
    private long generation;
    private StepHost host;
    private final dbmedic.ui.connect.ssh.RemoteCommandsView commandsView;

    public WatchStep(WizardContext ctx, LogFeed feed) {
        super("watch", "Watch");
        this.ctx = ctx;
        this.feed = feed;
        this.container = new dbmedic.ui.connect.ssh.ContainerPicker(ctx.ssh, "watchContainer", "immich_server",
                List.of("immich_server", "immich-server", "immich"));
        this.commandsView = new dbmedic.ui.connect.ssh.RemoteCommandsView(ctx.ssh, "watchCommands");
        inFlowProperty().bind(ctx.immich.active);
        build();
        setValid(true);
    }

    private void build() {
        view.getStyleClass().add("step-view");
        Label intro = Widgets.wrapped("Start Immich now. On its first start after the migration it rebuilds its two "
                + "search indexes (clip_index for smart search, face_index for faces); with many photos this takes a "
                + "while and the log seems stuck at \"Reindexing\". Do not restart Immich meanwhile. DB Medic follows "
                + "the log and tells you when it is done.");
        fileKind.setToggleGroup(kind);
        dockerKind.setToggleGroup(kind);
        fileKind.setMnemonicParsing(true);
        dockerKind.setMnemonicParsing(true);
        fileKind.setId("watchFileKind");
        dockerKind.setId("watchDockerKind");
        dockerKind.setSelected(true);
        file.setId("watchFile");
        file.setPromptText("Immich's log file");
        container.install(() -> host, line -> status.setText("The containers could not be listed: " + line));
        // over SSH the container is on the server: its list comes from docker ps there
        dockerKind.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ctx.ssh.server.get().isBlank() ? "_Docker container" : "_Docker container on the server",
                ctx.ssh.server));
        container.listButton().visibleProperty().bind(ctx.ssh.server.isNotEmpty());
        container.listButton().managedProperty().bind(ctx.ssh.server.isNotEmpty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Bro_wse…");
        browse.setMnemonicParsing(true);
        browse.setId("browseLogFile");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Immich's log file");
            File f = chooser.showOpenDialog(host.window());
            if (f != null) {
                file.setText(f.getAbsolutePath());
                fileKind.setSelected(true);
            }
        });
        file.disableProperty().bind(fileKind.selectedProperty().not());
        browse.disableProperty().bind(fileKind.selectedProperty().not());
        container.disableProperty().bind(dockerKind.selectedProperty().not());
        file.textProperty().addListener((o, a, b) -> fileKind.setSelected(true));
        HBox fileRow = new HBox(8, fileKind, file, browse);
        HBox dockerRow = new HBox(8, dockerKind, container);
        fileRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dockerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dockerKind.minWidthProperty().bind(javafx.beans.binding.Bindings.when(ctx.ssh.server.isEmpty()).then(170.0)
                .otherwise(250.0));
        fileKind.minWidthProperty().bind(dockerKind.minWidthProperty());
        start.setId("startWatch");
        start.setMnemonicParsing(true);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> start());
        stop.setId("stopWatch");
        stop.setMnemonicParsing(true);
        stop.setDisable(true);
        stop.setOnAction(e -> stop());
        ready.setId("immichReady");
        ready.setWrapText(true);
        ready.getStyleClass().add("title-3");
        indexes.setId("watchIndexes");
        indexes.column("Index", LogFeed.IndexView::index, "mono")
                .column("State", i -> stateText(i.state()))
                .column("Elapsed", i -> elapsed(i.elapsedAt(java.time.Instant.now())), "number")
                .column("Rows", i -> i.rows() == null ? "" : String.format("%,d", i.rows()), "number")
                .column("Target lists", i -> i.targetLists() == null ? "" : String.valueOf(i.targetLists()), "number");
        // Immich says nothing while an index builds (minutes to hours): count the elapsed time on
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        indexes.show(List.of());
        eventList.setId("watchEvents");
        eventList.setPrefHeight(260);
        eventList.setFixedCellSize(24);
        eventList.setPlaceholder(new Label("No log lines yet"));
        eventList.setCellFactory(v -> new EventCell());
        eventList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openDocs(eventList.getSelectionModel().getSelectedItem());
            }
        });
        status.setId("watchStatus");
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        Label eventsHead = new Label("Recent events (errors in red; press Enter or double-click one to open its explanation)");
        eventsHead.setWrapText(true);
        eventsHead.getStyleClass().add("text-muted");
        view.getChildren().addAll(intro, fileRow, dockerRow, new HBox(10, start, stop), status,
                commandsView, ready, indexes,
                eventsHead, eventList);
    }

    private static String stateText(String state) {
        return switch (state) {
            case "reindexing" -> "⟳ reindexing";
            case "done" -> "✔ done";
            default -> "waiting";
        };
    }

    static String elapsed(java.time.Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private void start() {
        boolean remote = kind.getSelectedToggle() == dockerKind && ctx.ssh.enabled();
        String name = container.value();
        String source = kind.getSelectedToggle() == fileKind ? file.getText().strip()
                : (remote ? CoreLogFeed.REMOTE : "") + "docker:" + name;
        if (source.isEmpty() || name.isEmpty() && kind.getSelectedToggle() == dockerKind) {
            host.showError(kind.getSelectedToggle() == fileKind ? "Choose Immich's log file first."
                    : "Type the name of Immich's server container (often immich_server).");
            return;
        }
        stop();
        long run = ++generation;
        events.clear();
        indexes.show(List.of());
        ready.setText("");
        status.setText("Starting…");
        FxBatcher<LogFeed.EventView> lines = new FxBatcher<>(batch -> {
            if (run == generation) {
                append(batch);
            }
        });
        FxBatcher<LogFeed.WatchState> states = new FxBatcher<>(batch -> {
            if (run == generation) {
                showState(batch.get(batch.size() - 1));
            }
        });
        LogFeed.Listener listener = new LogFeed.Listener() {
            @Override
            public void event(LogFeed.EventView event) {
                lines.add(event);
            }

            @Override
            public void state(LogFeed.WatchState state) {
                states.add(state);
            }

            @Override
            public void ended(Throwable error) {
                // WatchStep.this: a bare ended(...) here is this listener's own method, which
                // would post itself again forever
                Platform.runLater(() -> {
                    if (run == generation) {
                        WatchStep.this.ended(error);
                    }
                });
            }
        };
        start.setDisable(true);
        host.runQuietly(p -> feed.start(source, listener), handle -> {
            if (run != generation) {
                closeQuietly(handle);
                return;
            }
            running = handle;
            stop.setDisable(false);
            status.setText("Following " + (kind.getSelectedToggle() == dockerKind ? "the logs of container "
                    + name + (remote ? " on " + ctx.ssh.describe() : "") : source) + ".");
        }, e -> {
            start.setDisable(false);
            status.setText("");
            host.showError(ctx.explain(e));
        });
    }

    private void append(List<LogFeed.EventView> batch) {
        boolean atEnd = events.isEmpty() || eventList.getSelectionModel().isEmpty();
        events.addAll(batch);
        if (events.size() > RECENT) {
            events.remove(0, events.size() - RECENT);
        }
        if (atEnd) {
            eventList.scrollTo(events.size() - 1);
        }
    }

    private void showState(LogFeed.WatchState s) {
        indexes.show(s.indexes());
        if (s.indexes().stream().anyMatch(i -> "reindexing".equals(i.state()))) {
            ticker.play();
        } else {
            ticker.stop();
        }
        ready.getStyleClass().removeAll("verdict-ok");
        if (s.ready()) {
            ready.getStyleClass().add("verdict-ok");
            ready.setText("✔ Immich is ready: both indexes are rebuilt and the server is listening. Searches and "
                    + "faces work again.");
        } else if (s.indexes().stream().anyMatch(i -> "reindexing".equals(i.state()))) {
            ready.setText("Immich is rebuilding its search indexes. Do not restart it.");
        } else if (s.indexes().stream().allMatch(i -> "done".equals(i.state())) && !s.indexes().isEmpty()) {
            ready.setText("Both indexes are rebuilt; waiting for the server to start listening…");
        }
    }

    private void ended(Throwable error) {
        running = null;
        ticker.stop();
        start.setDisable(false);
        stop.setDisable(true);
        if (error == null) {
            status.setText("Stopped.");
        } else {
            status.setText("The log ended.");
            host.showError(ctx.explain(error));
        }
    }

    private void stop() {
        generation++;
        AutoCloseable handle = running;
        running = null;
        if (handle != null) {
            closeQuietly(handle);
            status.setText("Stopped.");
        }
        start.setDisable(false);
        stop.setDisable(true);
        ticker.stop();
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // stopping a tail that already ended
        }
    }

    private void openDocs(LogFeed.EventView e) {
        if (e != null && e.docPage() != null) {
            String note = ctx.links().open(e.docPage());
            if (note != null) {
                host.showNotice(e.docPage() + ": " + note);
            }
        }
    }

    private final class EventCell extends ListCell<LogFeed.EventView> {
        EventCell() {
            setOnMouseClicked(m -> {
                if (m.getClickCount() == 2) {
                    openDocs(getItem());
                }
            });
        }

        @Override
        protected void updateItem(LogFeed.EventView e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("event-error", "event-finding");
            if (empty || e == null) {
                setText(null);
                return;
            }
            String text = (e.time() == null ? "" : e.time() + "  ") + (e.level() == null ? "" : e.level() + "  ")
                    + e.message() + (e.findingId() == null ? "" : "   → " + e.findingId());
            setText(text);
            if (e.error()) {
                getStyleClass().add("event-error");
            }
            if (e.docPage() != null) {
                getStyleClass().add("event-finding");
            }
        }
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        commandsView.fromNow();
        if (ctx.ssh.enabled()) {
            container.listOnce(host, line -> status.setText("The containers could not be listed: " + line));
        }
    }

    @Override
    public void onLeave() {
        stop();
    }
}
