package dbmedic.ui;

import dbmedic.ui.backup.BackupStep;
import dbmedic.ui.connect.ConnectStep;
import dbmedic.ui.diagnose.DiagnoseStep;
import dbmedic.ui.repair.RepairStep;
import dbmedic.ui.shell.BackgroundRunner;
import dbmedic.ui.shell.Job;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import dbmedic.ui.start.StartStep;
import dbmedic.ui.verify.VerifyStep;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Assembles the SQLite flow (Start → Connect → Diagnose → Back up → Repair → Verify) into the
 * shell and shows it. A new flow is another list of steps handed to {@link WizardShell}.
 */
public final class WizardWindow {
    private WizardWindow() {
    }

    /** {@code demo} makes the demo database and returns the path to open; null hides "Try the demo". */
    public static WizardShell open(Stage stage, WizardContext ctx, Job<Path> demo) {
        AtomicReference<WizardShell> shellRef = new AtomicReference<>();
        Runnable tryDemo = demo == null ? null : () -> shellRef.get().run("Preparing the demo", demo, path -> {
            ctx.app.set("invokeai");
            ctx.targetText.set(path.toString());
            shellRef.get().goTo("connect");
        });
        List<Step> steps = List.of(
                new StartStep(ctx, tryDemo),
                new ConnectStep(ctx),
                new DiagnoseStep(ctx),
                new BackupStep(ctx),
                new RepairStep(ctx),
                new VerifyStep(ctx));
        WizardShell shell = new WizardShell(steps, ctx.headerText(), new BackgroundRunner());
        shellRef.set(shell);
        shell.setOnDrop(file -> {
            ctx.targetText.set(file.getAbsolutePath());
            shell.goTo("connect");
        });

        Scene scene = new Scene(shell, 1120, 800);
        Theme.style(scene);
        shell.install(scene);
        stage.setTitle("DB Medic");
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var url = WizardWindow.class.getResource("/dbmedic/icons/dbmedic-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        // closing mid-repair would kill the transaction half-way (SQLite would roll it back on the
        // next open, but the user would not know): ask them to wait or cancel instead
        stage.setOnCloseRequest(e -> {
            if (shell.isBusy()) {
                e.consume();
                shell.showNotice("Work is still running. Wait for it to finish, or press Cancel first.");
            }
        });
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        shell.focusPage();
        return shell;
    }
}
