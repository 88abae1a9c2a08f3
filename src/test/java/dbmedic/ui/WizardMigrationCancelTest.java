package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * Cancel while a phase runs: a prepared transaction (no session, so no guard sees it) holds a
 * SHARE lock on smart_search, so the migration waits inside its transaction at DROP INDEX; Esc
 * then cancels, the page says "rolled back", and the database is as before (no vchord, the
 * pgvecto.rs column, the same embeddings).
 */
@ExtendWith(ApplicationExtension.class)
class WizardMigrationCancelTest {
    private static PgServer server;
    private static ImmichDatabase immich;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startServer() {
        server = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .serverConfig("max_prepared_transactions", "2").start();
        immich = ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(512).rows(300).create();
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
    void escapeDuringAPhaseRollsItBack(FxRobot robot, @TempDir Path backups) throws Exception {
        String clipBefore = immich.checksum("smart_search");
        ImmichWizardSupport.connectAndDiagnose(robot, shell, ctx, ImmichWizardSupport.url(server, immich.name()));
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(backups.toString()));
        robot.clickOn("#startPgBackup");
        waitUntil(() -> ctx.immich.backup.get() != null && ctx.immich.backup.get().verified());
        robot.clickOn("#next");
        waitUntil(() -> ctx.immich.plan.get() != null && !robot.lookup("#applyMigration").queryButton().isDisabled());

        try (Connection c = server.superuserConnection(immich.name()); Statement st = c.createStatement()) {
            st.execute("BEGIN");
            st.execute("LOCK TABLE smart_search IN SHARE MODE");
            st.execute("PREPARE TRANSACTION 'dbmedic_ui_test_lock'");
        }
        try {
            robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
            waitUntil(() -> robot.lookup("#confirmPhase").tryQuery().isPresent());
            robot.clickOn("#confirmPhase");
            // the phase waits for the lock inside its transaction; vchord is already created in it
            waitUntil(() -> text(robot, "#workMessage").contains("DROP INDEX IF EXISTS clip_index"));
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> text(robot, "#migrateStatus").startsWith("✖"));
            assertTrue(text(robot, "#migrateStatus").contains("Cancelled and rolled back"), text(robot, "#migrateStatus"));
        } finally {
            server.execute(immich.name(), "ROLLBACK PREPARED 'dbmedic_ui_test_lock'");
        }
        assertEquals("0", server.queryValue(immich.name(), "SELECT count(*) FROM pg_extension WHERE extname = 'vchord'"));
        assertEquals("vectors", server.queryValue(immich.name(), "SELECT t.typnamespace::regnamespace::text FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = 'smart_search'::regclass AND a.attname = 'embedding'"));
        assertEquals(clipBefore, immich.checksum("smart_search"));
        assertFalse(ctx.immich.migrated());
        assertFalse(robot.lookup("#applyMigration").queryButton().isDisabled(), "the user may try again");
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Next after a cancelled migration");
    }
}
