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
import dbmedic.ui.imageswap.ImageSwapStep;
import dbmedic.ui.migrate.MigrateStep;
import dbmedic.ui.pgbackup.PgBackupStep;
import dbmedic.ui.pgverify.PgVerifyStep;
import dbmedic.ui.watch.CoreLogFeed;
import dbmedic.ui.watch.WatchStep;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Assembles the wizard: Start → Connect → Diagnose, then either the SQLite flow (Back up →
 * Repair → Verify) or, for a live PostgreSQL Immich database, the migration (Back up → Migrate
 * → Image swap → Verify → Watch). Each page says whether it belongs to the current flow
 * ({@link Step#inFlowProperty()}); the sidebar shows only those.
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
        List<Step> sqlite = List.of(new BackupStep(ctx), new RepairStep(ctx), new VerifyStep(ctx));
        // the SQLite repair pages, unless the target is something else (PostgreSQL, an offline folder)
        for (Step s : sqlite) {
            s.inFlowProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> ctx.target.get() == null
                    || dbmedic.core.Medic.canRepair(ctx.target.get()), ctx.target));
        }
        List<Step> steps = new java.util.ArrayList<>(List.of(new StartStep(ctx, tryDemo), new ConnectStep(ctx),
                new DiagnoseStep(ctx)));
        steps.addAll(sqlite);
        // the Immich migration on a live PostgreSQL target; each page is in the flow only then
        steps.addAll(List.of(new PgBackupStep(ctx), new MigrateStep(ctx), new ImageSwapStep(ctx),
                new PgVerifyStep(ctx), new WatchStep(ctx, new CoreLogFeed(ctx.ssh))));
        WizardShell shell = new WizardShell(steps, ctx.headerText(), new BackgroundRunner());
        shellRef.set(shell);
        dbmedic.ui.imageswap.ResumeOffer.install(ctx, shell);
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
        // the page shown last lets go of what it holds (Watch: its docker logs process)
        // and the SSH session and the database session are closed with the window
        stage.setOnHidden(e -> {
            shell.current().onLeave();
            ctx.close();
        });
        ctx.ssh.setOwner(stage);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        shell.focusPage();
        return shell;
    }
}
