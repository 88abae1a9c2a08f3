package dbmedic.ui;

import static dbmedic.ui.TourSteps.fx;
import static dbmedic.ui.TourSteps.shot;
import static dbmedic.ui.TourSteps.waitFor;
import dbmedic.core.Medic;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.ui.immich.CoreImmichEngine;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Not a test: the wizard over SSH on a test PostgreSQL and an in-JVM SSH server, for looking
 * at the pages (screenshots with ImageMagick's {@code import} on an X display). Argument: the
 * folder for the PNGs; {@code -Dtour.home} a home-like folder for the paths shown.
 */
public final class SshTour extends Application {
    private static Path out;
    private static Path home;
    private static PgServer server;
    private static ImmichDatabase immich;
    private static SshTestServer ssh;
    private WizardShell shell;
    private WizardContext ctx;

    /** The entry point lives outside the Application subclass, so a plain class path launch works. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            SshTour.main(args);
        }
    }

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        Files.createDirectories(out);
        home = Path.of(System.getProperty("tour.home", Files.createTempDirectory("dbmedic-ssh-tour-").toString()));
        server = PgServer.start(14);
        immich = ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(768).rows(3000).create();
        Path bin = Files.createDirectories(home.resolve(".tour-bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "ps) printf 'immich_server\\tghcr.io/immich-app/immich-server:v1.137.0\\tUp 2 hours\\n"
                + "immich_machine_learning\\tghcr.io/immich-app/immich-machine-learning:v1.137.0\\tUp 2 hours\\n"
                + "immich_postgres\\tghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0\\tUp 2 hours (healthy)\\n"
                + "immich_redis\\tdocker.io/valkey/valkey:8\\tUp 2 hours\\n' ;;\n"
                + "exec) shift 2; cmd=$1; shift; exec \"$cmd\" -h 127.0.0.1 -p " + server.port() + " \"$@\" ;;\n"
                + "*) exit 1 ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        ssh = SshTestServer.builder().bin(bin).password(false).start();
        try {
            Application.launch(SshTour.class, args);
        } finally {
            ssh.close();
            server.close();
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Theme.apply(false);
        Medic medic = new Medic();
        ctx = new WizardContext(medic, page -> null, null,
                CoreImmichEngine.factory(medic, Files.createTempDirectory("dbmedic-tour-journals-")));
        Path sshDir = Files.createDirectories(home.resolve(".ssh"));
        Path key = SshTestServer.copyKey("id_ed25519", sshDir);
        Files.writeString(sshDir.resolve("config"), String.join("\n",
                "Host immich-nas", "  HostName 127.0.0.1", "  Port " + ssh.port(), "  User admin", "  IdentityFile " + key,
                "Host backup-box", "  HostName 192.168.1.20", "  User admin", ""));
        Files.deleteIfExists(sshDir.resolve("known_hosts"));
        ctx.ssh.useFiles(sshDir.resolve("config"), sshDir.resolve("known_hosts"));
        shell = WizardWindow.open(stage, ctx, p -> {
            throw new IllegalStateException("no demo");
        });
        Thread tour = new Thread(this::tour, "tour");
        tour.setDaemon(true);
        tour.start();
    }

    @SuppressWarnings("unchecked")
    private void tour() {
        try {
            String url = "postgresql://" + PgServer.SUPERUSER + "@127.0.0.1:" + server.port() + "/" + immich.name();
            fx(() -> shell.next());
            fx(() -> ((TextField) shell.lookup("#targetField")).setText(url));
            waitFor(() -> !shell.lookup("#next").isDisabled() && shell.lookup("#sshServer").isVisible());
            fx(() -> ((ComboBox<String>) shell.lookup("#sshServer")).getSelectionModel().select("immich-nas"));
            fx(() -> ((javafx.scene.control.Button) shell.lookup("#sshTest")).fire());
            waitFor(() -> shell.getScene().getWindow() != null && javafx.stage.Window.getWindows().size() > 1);
            shot(out, "0-host-key");
            fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != shell.getScene().getWindow())
                    .map(w -> w.getScene().lookup("#trustRemember")).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(b -> ((javafx.scene.control.Button) b).fire()));
            waitFor(() -> ((javafx.scene.control.Label) shell.lookup("#sshResult")).getText().startsWith("✔"));
            shot(out, "1-connect-ssh");
            fx(() -> shell.next());
            waitFor(() -> ctx.diagnosis.get() != null);
            shot(out, "2-diagnose-ssh");
            fx(() -> shell.next());
            waitFor(() -> ((javafx.scene.control.CheckBox) shell.lookup("#remoteDump")).isSelected());
            Path backups = Files.createDirectories(home.resolve("Documents").resolve("DB Medic backups"));
            fx(() -> ((TextField) shell.lookup("#pgBackupFolder")).setText(backups.toString()));
            fx(() -> ((javafx.scene.control.Button) shell.lookup("#startPgBackup")).fire());
            waitFor(() -> ctx.immich.backup.get() != null);
            shot(out, "3-backup-ssh");
            fx(() -> shell.goTo("watch"));
            waitFor(() -> ((ComboBox<String>) shell.lookup("#watchContainer")).getItems().size() == 4);
            shot(out, "4-watch-ssh");
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }
}
