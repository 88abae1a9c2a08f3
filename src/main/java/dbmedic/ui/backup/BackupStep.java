package dbmedic.ui.backup;

import dbmedic.core.backup.BackupResult;
import dbmedic.ui.WizardContext;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import java.io.File;
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

/** A verified copy before anything changes: where, progress, then file, size, hash, integrity, rows. */
public final class BackupStep extends Step {
    private final WizardContext ctx;
    private final VBox view = new VBox(14);
    private final TextField folder = new TextField();
    private final Label status = new Label();
    private final GridPane facts = new GridPane();
    private final RowCountTable rows = new RowCountTable("Rows in the backup");
    private StepHost host;

    public BackupStep(WizardContext ctx) {
        super("backup", "Back up");
        this.ctx = ctx;
        build();
        ctx.target.addListener((o, a, t) -> folder.setText(""));
        ctx.backup.addListener((o, a, b) -> {
            setValid(b != null && b.verified());
            if (b == null) {
                clear();
            }
        });
    }

    private void build() {
        view.getStyleClass().add("step-view");
        Label intro = Widgets.wrapped("Before anything changes, DB Medic copies the database (with SQLite's own "
                + "backup API, so a running app's last writes are included) and checks the copy: integrity, "
                + "row counts and a SHA-256 hash. Repair is possible only after a verified backup.");
        Label where = new Label("Back up into _folder");
        where.setMnemonicParsing(true);
        where.setLabelFor(folder);
        folder.setId("backupFolder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("browseBackupFolder");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the backup");
            File current = new File(folder.getText());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File f = chooser.showDialog(host.window());
            if (f != null) {
                folder.setText(f.getAbsolutePath());
            }
        });
        Button start = new Button("_Start backup");
        start.setMnemonicParsing(true);
        start.setId("startBackup");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> startBackup());
        status.setId("backupStatus");
        status.setWrapText(true);
        status.getStyleClass().add("title-4");
        facts.setHgap(12);
        facts.setVgap(6);
        facts.getStyleClass().add("facts");
        rows.setId("backupRowCounts");
        rows.setVisible(false);
        rows.managedProperty().bind(rows.visibleProperty());
        view.getChildren().addAll(intro, where, new HBox(8, folder, browse), start, status, facts, rows);
    }

    private void startBackup() {
        String text = folder.getText().strip();
        Path dir = text.isEmpty() ? null : Path.of(text);
        var target = ctx.target.get();
        status.setText("Backing up…");
        host.run("Backing up", p -> ctx.medic().backup(target, dir, p), this::show, e -> {
            status.setText("No backup was made. The database is untouched.");
            status.getStyleClass().setAll("label", "title-4", "verdict-problems");
            host.showError(dbmedic.ui.shell.ErrorMessages.oneLine(e));
        });
    }

    private void show(BackupResult b) {
        ctx.backup.set(b);
        status.getStyleClass().setAll("label", "title-4", b.verified() ? "verdict-ok" : "verdict-problems");
        status.setText(b.verified()
                ? "✔ Verified backup: the copy is complete and intact."
                : "✖ The backup did not verify; do not repair. Try another folder.");
        facts.getChildren().clear();
        int r = 0;
        r = fact(r, "File", b.file().toString(), "backupFile");
        r = fact(r, "Size", Widgets.size(b.bytes()), "backupSize");
        r = fact(r, "SHA-256", b.sha256(), "backupSha");
        r = fact(r, "Integrity", b.integrity(), "backupIntegrity");
        if (b.manifest() != null) {
            fact(r, "Manifest", b.manifest().toString(), "backupManifest");
        }
        rows.showCounts(b.rowCounts());
        rows.setVisible(true);
    }

    private int fact(int row, String name, String value, String id) {
        Label k = new Label(name);
        k.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().add("mono");
        v.setWrapText(true);
        facts.addRow(row, k, v);
        return row + 1;
    }

    private void clear() {
        status.setText("");
        facts.getChildren().clear();
        rows.getItems().clear();
        rows.setVisible(false);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        if (folder.getText().isBlank() && ctx.defaultBackupFolder() != null) {
            folder.setText(ctx.defaultBackupFolder().toString());
        }
    }
}
