package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole Immich migration through one SSH session (a real in-JVM SSH server, a real
 * PostgreSQL 14 with a pgvecto.rs-era database): Diagnose, Back up with the dump made by
 * {@code docker exec immich_postgres pg_dump} on the server, Migrate, Verify lossless, and
 * the database itself changed with every embedding unchanged.
 */
@ExtendWith(ApplicationExtension.class)
class WizardSshMigrationTest {
    private static PgServer pg;
    private static ImmichDatabase immich;
    private SshTestServer ssh;
    private Path dir;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startDatabase() {
        pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
        immich = ImmichDatabase.on(pg).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(768).rows(1000).create();
    }

    @AfterAll
    static void stopDatabase() {
        pg.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dbmedic-wizard-ssh-migration-");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "ps) printf 'immich_server\\tghcr.io/immich-app/immich-server:v1.137.0\\tUp\\n"
                + "immich_postgres\\tghcr.io/immich-app/postgres:14\\tUp\\n' ;;\n"
                + "exec) shift 2; cmd=$1; shift; exec \"$cmd\" -h 127.0.0.1 -p " + pg.port() + " \"$@\" ;;\n"
                + "*) exit 1 ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        ssh = SshTestServer.builder().bin(bin).password(false).start();
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        Files.writeString(dir.resolve("config"), String.join("\n", "Host immich-nas", "  HostName 127.0.0.1",
                "  Port " + ssh.port(), "  User " + SshTestServer.USER, "  IdentityFile " + SshTestServer.key("id_ed25519"), ""));
        ctx = ImmichWizardSupport.context(Files.createDirectories(dir.resolve("journals")));
        ctx.ssh.useFiles(dir.resolve("config"), dir.resolve("known_hosts"));
        shell = ImmichWizardSupport.open(stage, ctx);
    }

    @AfterEach
    void stopSsh() {
        ssh.close();
    }

    @Test
    void backUpMigrateVerifyThroughOneSession(FxRobot robot) throws Exception {
        String clipBefore = immich.checksum("smart_search");
        String facesBefore = immich.checksum("face_search");
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(ImmichWizardSupport.url(pg, immich.name())));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled() && robot.lookup("#sshServer").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#sshServer").queryAs(ComboBox.class);
        robot.interact(() -> servers.getSelectionModel().select("immich-nas"));
        robot.clickOn("#next");
        waitUntil(() -> ctx.diagnosis.get() != null && !robot.lookup("#next").queryButton().isDisabled()
                && !text(robot, "#diagnoseVerdict").startsWith("Diagnosing"));
        assertTrue(text(robot, "#diagnoseRoute").startsWith("Reached through SSH: " + SshTestServer.USER + "@127.0.0.1:"),
                text(robot, "#diagnoseRoute"));

        robot.clickOn("#next");
        assertEquals("pgbackup", shell.current().key());
        waitUntil(() -> robot.lookup("#remoteDump").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(dir.resolve("backups").toString()));
        robot.interact(() -> robot.lookup("#startPgBackup").queryButton().fire());
        waitUntil(() -> ctx.immich.backup.get() != null || !text(robot, "#bannerText").isEmpty());
        assertNotNull(ctx.immich.backup.get(), text(robot, "#bannerText"));
        assertTrue(ctx.immich.backup.get().verified());
        assertNotNull(ctx.immich.backup.get().dumpFile(), ctx.immich.backup.get().dumpNote());

        robot.clickOn("#next");
        assertEquals("migrate", shell.current().key());
        waitUntil(() -> ctx.immich.plan.get() != null);
        assertEquals("pgvectors-to-vchord", ctx.immich.plan.get().id());
        assertTrue(robot.lookup(".refusal-card").queryAll().isEmpty(), "no guard refuses");
        // Apply opens its confirmation with showAndWait: fire it later, not inside interact (which would wait for it)
        javafx.scene.control.Button apply = robot.lookup("#applyMigration").queryButton();
        javafx.application.Platform.runLater(apply::fire);
        waitUntil(() -> robot.lookup("#confirmPhase").tryQuery().isPresent());
        robot.clickOn("#confirmPhase");
        waitUntil(() -> text(robot, "#migrateStatus").startsWith("✔") || !text(robot, "#bannerText").isEmpty());
        assertTrue(ctx.immich.migrated(), text(robot, "#migrateStatus") + " / " + text(robot, "#bannerText"));

        robot.clickOn("#next");
        assertEquals("pgverify", shell.current().key());
        waitUntil(() -> ctx.immich.verification.get() != null);
        assertTrue(ctx.immich.verification.get().lossless(), ctx.immich.verification.get().toString());
        assertTrue(ctx.ssh.isConnected(), "one session from Diagnose to Verify");

        assertEquals("vector(768)", pg.queryValue(immich.name(), "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'"));
        assertEquals(clipBefore, immich.checksum("smart_search"));
        assertEquals(facesBefore, immich.checksum("face_search"));
        List<String> remote = ssh.commands();
        assertTrue(remote.stream().anyMatch(c -> c.startsWith("docker exec immich_postgres pg_dump -Fc")), remote.toString());
    }
}
