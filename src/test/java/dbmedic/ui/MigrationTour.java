package dbmedic.ui;

import static dbmedic.ui.TourSteps.fx;
import static dbmedic.ui.TourSteps.shot;
import static dbmedic.ui.TourSteps.waitFor;
import dbmedic.core.Medic;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.immich.CoreImmichEngine;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Not a test: a walk through the Immich migration pages on a real test server for looking at
 * them (screenshots with ImageMagick's {@code import} on an X display). Arguments: the folder
 * for the PNGs; {@code dark} for the dark theme.
 */
public final class MigrationTour extends Application {
    private static Path out;
    private static PgServer server;
    private static ImmichDatabase immich;
    private static boolean dark;
    /** The two-phase plan on an image without VectorChord: the Image swap page waiting for the swap. */
    private static boolean swap;
    private WizardShell shell;
    private WizardContext ctx;

    /** The entry point lives outside the Application subclass, so a plain class path launch works. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            MigrationTour.main(args);
        }
    }

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        dark = java.util.Arrays.asList(args).contains("dark");
        swap = java.util.Arrays.asList(args).contains("swap");
        Files.createDirectories(out);
        server = swap ? PgServer.builder(14).withoutExtension("vchord").withoutExtension("vector").start()
                : PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
        immich = ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(768).rows(3000).create();
        try {
            Application.launch(MigrationTour.class, args);
        } finally {
            server.close();
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Theme.apply(dark);
        Medic medic = new Medic();
        ctx = new WizardContext(medic, page -> null, null,
                CoreImmichEngine.factory(medic, Files.createTempDirectory("dbmedic-tour-journals-")));
        shell = WizardWindow.open(stage, ctx, p -> {
            throw new IllegalStateException("no demo");
        });
        Thread tour = new Thread(this::tour, "tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour() {
        try {
            String url = "postgresql://" + PgServer.SUPERUSER + "@localhost:" + server.port() + "/" + immich.name();
            fx(() -> shell.next());
            fx(() -> ((TextField) shell.lookup("#targetField")).setText(url));
            waitFor(() -> !shell.lookup("#next").isDisabled());
            fx(() -> shell.next());
            waitFor(() -> ctx.diagnosis.get() != null);
            shot(out, "1-diagnose");
            fx(() -> shell.next());
            // -Dtour.home: a home-like folder, so the pictures show paths a user would see
            Path home = Path.of(System.getProperty("tour.home", Files.createTempDirectory("dbmedic-tour-").toString()));
            Path backups = Files.createDirectories(home.resolve("Documents").resolve("DB Medic backups"));
            fx(() -> ((TextField) shell.lookup("#pgBackupFolder")).setText(backups.toString()));
            fx(() -> ((javafx.scene.control.Button) shell.lookup("#startPgBackup")).fire());
            waitFor(() -> ctx.immich.backup.get() != null);
            shot(out, "2-backup");
            fx(() -> shell.next());
            waitFor(() -> ctx.immich.plan.get() != null);
            shot(out, "3-migrate");
            if (swap) {
                fx(() -> ctx.immich.engine(url, null, null).apply(ctx.immich.plan.get(), 0, ctx.immich.backupEvidence(),
                        dbmedic.core.task.Progress.NONE));
                fx(() -> ctx.immich.phasesDone.set(1));
                fx(() -> shell.next());
                fx(() -> ((javafx.scene.control.Button) shell.lookup("#checkSwap")).fire());
                waitFor(() -> !((javafx.scene.control.Label) shell.lookup("#swapMissing")).getText().isEmpty());
                shot(out, "4-imageswap-waiting");
                return;
            }
            // a guard: Immich (here, another session) still connected
            try (java.sql.Connection other = server.superuserConnection(immich.name())) {
                other.createStatement().execute("SET application_name = 'immich_server'");
                fx(() -> ((javafx.scene.control.Button) shell.lookup("#rereadServer")).fire());
                waitFor(() -> ctx.immich.plan.get() != null && ctx.immich.plan.get().refused());
                shot(out, "3a-migrate-refused");
            }
            fx(() -> ((javafx.scene.control.Button) shell.lookup("#rereadServer")).fire());
            waitFor(() -> ctx.immich.plan.get() != null && !ctx.immich.plan.get().refused());
            // the two-phase plan: its image-swap page, before phase 1
            fx(() -> ((javafx.scene.control.RadioButton) shell.lookup("#plan-pgvectors-to-vchord-two-phase")).fire());
            shot(out, "3b-migrate-two-phase");
            fx(() -> shell.goTo("imageswap"));
            shot(out, "4-imageswap");
            fx(() -> shell.goTo("migrate"));
            fx(() -> ((javafx.scene.control.RadioButton) shell.lookup("#plan-pgvectors-to-vchord")).fire());
            fx(() -> ctx.immich.engine(url, null, null).apply(ctx.immich.plan.get(), 0, ctx.immich.backupEvidence(),
                    dbmedic.core.task.Progress.NONE));
            fx(() -> ctx.immich.phasesDone.set(1));
            fx(() -> shell.next());
            waitFor(() -> ctx.immich.verification.get() != null);
            shot(out, "5-verify");
            Path log = Files.createDirectories(home.resolve("immich").resolve("logs")).resolve("immich_server.log");
            String p = "[Nest] 7  - 10/30/2025, 9:01:0";
            Files.writeString(log, String.join("\n",
                    p + "1 PM     LOG [Microservices:DatabaseRepository] targetLists=1, current=1 for clip_index of 3000 rows",
                    p + "1 PM     LOG [Microservices:DatabaseRepository] targetLists=1, current=1 for face_index of 3000 rows",
                    p + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing clip_index (This may take a while, do not restart)",
                    p + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing face_index (This may take a while, do not restart)",
                    p + "3 PM   ERROR [Microservices:DatabaseService] Failed to activate VectorChord extension.",
                    p + "4 PM     LOG [Microservices:DatabaseRepository] Reindexed face_index") + "\n");
            fx(() -> shell.next());
            fx(() -> ((TextField) shell.lookup("#watchFile")).setText(log.toString()));
            fx(() -> ((javafx.scene.control.Button) shell.lookup("#startWatch")).fire());
            waitFor(() -> ((javafx.scene.control.ListView<?>) shell.lookup("#watchEvents")).getItems().size() == 6);
            shot(out, "6-watch");
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }
}
