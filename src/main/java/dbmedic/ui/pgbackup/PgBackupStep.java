package dbmedic.ui.pgbackup;

import dbmedic.ui.WizardContext;
import dbmedic.ui.connect.FxPasswordPrompt;
import dbmedic.ui.immich.BackupView;
import dbmedic.ui.immich.ImmichEngine;
import dbmedic.ui.immich.ImmichFlow;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.TextTable;
import dbmedic.ui.shell.Widgets;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Immich backup before the migration: the vector tables copied in the app (rows and a
 * content checksum), plus a pg_dump file when a compatible pg_dump is at hand. Next only after
 * a verified backup, made now or an earlier one chosen and checked.
 */
public final class PgBackupStep extends Step {
    private final WizardContext ctx;
    private final ImmichFlow flow;
    private final VBox view = new VBox(14);
    private final TextField folder = new TextField();
    private final Label status = new Label();
    private final Label badge = new Label("VERIFIED");
    private final GridPane facts = new GridPane();
    private final TextTable<BackupView.TableView> tables = new TextTable<>("No tables yet");
    private final javafx.scene.control.CheckBox remoteDump = new javafx.scene.control.CheckBox(
            "Dump the whole database _on the server, inside its container:");
    private final dbmedic.ui.connect.ssh.ContainerPicker dumpContainer;
    private final Label remoteNote = new Label();
    private StepHost host;
    private final dbmedic.ui.connect.ssh.RemoteCommandsView commandsView;

    public PgBackupStep(WizardContext ctx) {
        super("pgbackup", "Back up");
        this.ctx = ctx;
        this.flow = ctx.immich;
        this.dumpContainer = new dbmedic.ui.connect.ssh.ContainerPicker(ctx.ssh, "dumpContainer", "immich_postgres",
                java.util.List.of("immich_postgres", "postgres", "database"));
        this.commandsView = new dbmedic.ui.connect.ssh.RemoteCommandsView(ctx.ssh, "pgBackupCommands");
        inFlowProperty().bind(flow.active);
        build();
        flow.backup.addListener((o, a, b) -> {
            setValid(b != null && b.verified());
            if (b == null) {
                clear();
            } else {
                show(b);
            }
        });
    }

    private void build() {
        view.getStyleClass().add("step-view");
        Label intro = Widgets.wrapped("Before anything changes, DB Medic copies Immich's search tables "
                + "(smart_search and face_search, every embedding) into a folder on this computer, and also the whole "
                + "database with pg_dump when a suitable pg_dump is installed. It then reads the copy back and checks "
                + "the row counts and checksums. The migration is possible only after a verified backup.");
        Label where = new Label("Back up into _folder");
        where.setMnemonicParsing(true);
        where.setLabelFor(folder);
        folder.setId("pgBackupFolder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Bro_wse…");
        browse.setMnemonicParsing(true);
        browse.setId("browsePgBackupFolder");
        browse.setOnAction(e -> chooseFolder("Folder for the backup").ifPresent(f -> folder.setText(f.getAbsolutePath())));
        Button start = new Button("_Start backup");
        start.setMnemonicParsing(true);
        start.setId("startPgBackup");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> startBackup());
        Button existing = new Button("Use an _earlier backup…");
        existing.setMnemonicParsing(true);
        existing.setId("useEarlierBackup");
        existing.setOnAction(e -> chooseFolder("An earlier DB Medic backup folder").ifPresent(f -> checkEarlier(f.toPath())));
        status.setId("pgBackupStatus");
        status.setWrapText(true);
        status.getStyleClass().add("title-4");
        badge.setId("pgBackupVerified");
        badge.getStyleClass().addAll("badge", "badge-ok");
        badge.setVisible(false);
        badge.managedProperty().bind(badge.visibleProperty());
        HBox statusRow = new HBox(10, badge, status);
        statusRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        facts.setHgap(12);
        facts.setVgap(6);
        facts.getStyleClass().add("facts");
        tables.setId("pgBackupTables");
        tables.column("Table", BackupView.TableView::table)
                .column("Column type", BackupView.TableView::columnType, "mono")
                .column("Rows", t -> String.format("%,d", t.rows()), "number")
                .column("Checksum (SHA-256)", BackupView.TableView::shortSha, "mono");
        tables.setVisible(false);
        tables.managedProperty().bind(tables.visibleProperty());
        view.getChildren().addAll(intro, where, new HBox(8, folder, browse), sshBox(), new HBox(10, start, existing),
                statusRow, facts, tables);
    }

    /** Over SSH: the whole-database dump made by pg_dump inside the database container on the server. */
    private Node sshBox() {
        remoteDump.setId("remoteDump");
        remoteDump.setMnemonicParsing(true);
        dumpContainer.install(() -> host, this::remoteProblem);
        dumpContainer.disableProperty().bind(remoteDump.selectedProperty().not());
        remoteNote.setId("remoteDumpNote");
        remoteNote.setWrapText(true);
        remoteNote.getStyleClass().add("text-muted");
        remoteNote.setText("docker exec <container> pg_dump -Fc runs on the server: its pg_dump is the server's own "
                + "version, and the dump streams back over SSH into the backup folder here. Without it, a pg_dump on "
                + "this computer (through the tunnel) is used when its version fits, else only the search tables are copied.");
        HBox row = new HBox(8, remoteDump, dumpContainer);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, row, remoteNote, commandsView);
        box.setId("pgBackupSsh");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !ctx.ssh.server.get().isBlank(), ctx.ssh.server));
        box.managedProperty().bind(box.visibleProperty());
        dumpContainer.comboBox().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                remoteDump.setSelected(true);
            }
        });
        return box;
    }

    private void remoteProblem(String line) {
        remoteDump.setSelected(false);
        remoteNote.setText("The containers could not be listed: " + line);
    }

    private java.util.Optional<File> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File current = new File(folder.getText());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        return java.util.Optional.ofNullable(chooser.showDialog(host.window()));
    }

    private ImmichEngine engine() throws Exception {
        return flow.engine(ctx.targetText.get(), dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get()),
                new FxPasswordPrompt(host.window()));
    }

    private void startBackup() {
        String text = folder.getText().strip();
        if (text.isEmpty()) {
            host.showError("Choose a folder for the backup first.");
            return;
        }
        Path parent = Path.of(text);
        boolean remote = ctx.ssh.enabled() && remoteDump.isSelected();
        String container = dumpContainer.value();
        if (remote && !container.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            host.showError("Choose the database container (List containers), or untick the dump on the server.");
            return;
        }
        dbmedic.core.postgres.PostgresTarget pg = (dbmedic.core.postgres.PostgresTarget) ctx.target.get();
        flow.backup.set(null);
        status.setText(remote ? "Backing up (pg_dump in " + container + " on " + ctx.ssh.describe() + ")…" : "Backing up…");
        status.getStyleClass().setAll("label", "title-4");
        host.run("Backing up", p -> {
            Files.createDirectories(parent);
            ImmichEngine engine = engine();
            dbmedic.core.postgres.backup.DumpSource dump = remote ? new dbmedic.core.ssh.RemoteDockerDump(
                    ctx.ssh.connection(), container, pg.user(), pg.database()) : null;
            return engine.backUp(parent, dump, p);
        }, flow.backup::set, this::failed);
    }

    private void checkEarlier(Path dir) {
        flow.backup.set(null);
        status.setText("Checking the backup in " + dir + "…");
        status.getStyleClass().setAll("label", "title-4");
        host.run("Checking the backup", p -> engine().openBackup(dir, p), flow.backup::set, this::failed);
    }

    private void failed(Throwable e) {
        status.setText("No verified backup yet. The database is untouched.");
        status.getStyleClass().setAll("label", "title-4", "verdict-problems");
        host.showError(ctx.explain(e));
    }

    private void show(BackupView b) {
        status.getStyleClass().setAll("label", "title-4", b.verified() ? "verdict-ok" : "verdict-problems");
        status.setText(b.verified()
                ? "Backup complete and checked: every table below was read back and matches."
                : "✖ The backup did not verify; do not migrate. " + String.join(" ", b.problems()));
        badge.setVisible(b.verified());
        facts.getChildren().clear();
        int r = 0;
        r = fact(r, "Folder", b.folder().toString(), "pgBackupFolderResult");
        r = fact(r, "Size", Widgets.size(b.bytes()), "pgBackupSize");
        if (b.dumpFile() != null) {
            r = fact(r, "pg_dump", b.dumpFile().getFileName() + (b.dumpNote() == null ? "" : " — " + b.dumpNote()),
                    "pgBackupDump");
        } else {
            r = fact(r, "pg_dump", "none: " + (b.dumpNote() == null ? "no pg_dump was made" : b.dumpNote()), "pgBackupDump");
        }
        tables.show(b.tables());
        tables.setVisible(true);
    }

    private int fact(int row, String name, String value, String id) {
        Label k = new Label(name);
        k.getStyleClass().add("fact-name");
        Label v = Widgets.wrapped(value, "mono");
        v.setId(id);
        GridPane.setHgrow(v, Priority.ALWAYS);
        facts.addRow(row, k, v);
        return row + 1;
    }

    private void clear() {
        status.setText("");
        badge.setVisible(false);
        facts.getChildren().clear();
        tables.getItems().clear();
        tables.setVisible(false);
    }

    /** ~/Documents/DB Medic backups when there is a Documents folder, else ~/DB Medic backups. */
    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path documents = home.resolve("Documents");
        return (Files.isDirectory(documents) ? documents : home).resolve("DB Medic backups");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (folder.getText().isBlank()) {
            folder.setText(defaultFolder().toString());
        }
        commandsView.fromNow();
        if (ctx.ssh.enabled()) {
            dumpContainer.listOnce(host, this::remoteProblem);
        }
    }
}
