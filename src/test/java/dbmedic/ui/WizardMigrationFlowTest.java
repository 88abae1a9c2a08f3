package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.immich.BackupView;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole Immich migration in the wizard, driven by clicks, on a real PostgreSQL 14 with a
 * pgvecto.rs-era Immich database (768-dimension CLIP embeddings): Diagnose → Back up (verified)
 * → Migrate with the recommended plan (confirmed) → Verify says lossless; then the database
 * itself is checked: VectorChord installed, columns converted, every embedding unchanged.
 */
@ExtendWith(ApplicationExtension.class)
class WizardMigrationFlowTest {
    private static PgServer server;
    private static ImmichDatabase immich;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startServer() {
        server = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
        immich = ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(768).rows(2000).create();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        ctx = ImmichWizardSupport.context(Files.createTempDirectory("dbmedic-ui-journals-"));
        shell = ImmichWizardSupport.open(stage, ctx);
    }

    @Test
    void backUpMigrateVerifyOnAPgvectorsDatabase(FxRobot robot, @TempDir Path backups) {
        String clipBefore = immich.checksum("smart_search");
        String facesBefore = immich.checksum("face_search");
        ImmichWizardSupport.connectAndDiagnose(robot, shell, ctx, ImmichWizardSupport.url(server, immich.name()));
        assertTrue(text(robot, "#diagnoseVerdict").contains("migration"), text(robot, "#diagnoseVerdict"));

        robot.clickOn("#next");
        assertEquals("pgbackup", shell.current().key());
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Next without a verified backup");
        robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(backups.toString()));
        robot.clickOn("#startPgBackup");
        waitUntil(() -> ctx.immich.backup.get() != null);
        BackupView backup = ctx.immich.backup.get();
        assertTrue(backup.verified(), backup.toString());
        assertTrue(robot.lookup("#pgBackupVerified").query().isVisible());
        assertTrue(backup.folder().startsWith(backups), backup.folder().toString());
        assertEquals(List.of("face_search", "smart_search"), backup.tables().stream().map(BackupView.TableView::table).sorted().toList());
        assertEquals(2000, backup.tables().stream().filter(t -> t.table().equals("smart_search")).findFirst().orElseThrow().rows());
        // pg_dump 15 on this machine can dump a PostgreSQL 14 server: the whole database is in the backup too
        assertTrue(text(robot, "#pgBackupDump").endsWith(".dump") || text(robot, "#pgBackupDump").contains(".dump"),
                text(robot, "#pgBackupDump"));

        robot.clickOn("#next");
        assertEquals("migrate", shell.current().key());
        waitUntil(() -> ctx.immich.plan.get() != null);
        assertEquals("pgvectors-to-vchord", ctx.immich.plan.get().id(), "the recommended plan is chosen first");
        assertTrue(robot.lookup(".refusal-card").queryAll().isEmpty(), "no guard refuses");
        String preview = robot.lookup("#migrationPreview").queryAs(TextArea.class).getText();
        assertTrue(preview.contains("vector(768)"), preview);
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Next before the migration");

        // keyboard: Alt+A is Apply, then the confirmation's "Migrate now"
        robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#confirmPhase").tryQuery().isPresent());
        robot.clickOn("#confirmPhase");
        waitUntil(() -> text(robot, "#migrateStatus").startsWith("✔"));
        assertTrue(ctx.immich.migrated());
        assertFalse(robot.lookup("#step-imageswap").query().isVisible(), "a one-phase plan has no image swap");

        robot.clickOn("#next");
        assertEquals("pgverify", shell.current().key());
        waitUntil(() -> ctx.immich.verification.get() != null);
        assertTrue(ctx.immich.verification.get().lossless(), ctx.immich.verification.get().toString());
        assertTrue(text(robot, "#pgVerifyVerdict").startsWith("✔"), text(robot, "#pgVerifyVerdict"));
        assertTrue(text(robot, "#losslessStatement").startsWith("Lossless"), text(robot, "#losslessStatement"));

        // the report's migration section carries the numbers, and no path
        String report = dbmedic.ui.pgverify.MigrationReport.markdown(ctx.immich.plan.get(), ctx.immich.verification.get());
        assertTrue(report.contains("**Lossless**") && report.contains("| smart_search | 2,000 | 2,000 |"), report);
        assertFalse(report.contains(backups.toString()), report);

        // the database really changed, and no embedding did
        assertEquals("vector(768)", server.queryValue(immich.name(), "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'"));
        assertEquals("public", server.queryValue(immich.name(), "SELECT t.typnamespace::regnamespace::text FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = 'face_search'::regclass AND a.attname = 'embedding'"));
        assertNotEquals("", server.queryValue(immich.name(), "SELECT coalesce(max(extversion), '') FROM pg_extension WHERE extname = 'vchord'"));
        assertEquals(clipBefore, immich.checksum("smart_search"));
        assertEquals(facesBefore, immich.checksum("face_search"));

        robot.clickOn("#next");
        assertEquals("watch", shell.current().key());
        assertEquals("_Close", robot.lookup("#next").queryButton().getText());
    }
}
