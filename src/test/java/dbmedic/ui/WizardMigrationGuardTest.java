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
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A guard on a real PostgreSQL 14 Immich database: while another session (Immich, say) is
 * connected, the Migrate page says why it will not migrate, lists the session, and Apply stays
 * disabled; the database is untouched.
 */
@ExtendWith(ApplicationExtension.class)
class WizardMigrationGuardTest {
    private static PgServer server;
    private static ImmichDatabase immich;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startServer() {
        server = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .role("immich", null, false).start();
        ImmichDatabase.on(server).name("owned").owner("immich").immichVersion("1.137.0")
                .extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(50).create();
        immich = ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(512).rows(200).create();
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
    void anotherSessionIsShownAsARefusalAndApplyStaysDisabled(FxRobot robot) throws Exception {
        String before = immich.checksum("smart_search");
        try (Connection immichServer = server.superuserConnection(immich.name())) {
            immichServer.createStatement().execute("SET application_name = 'immich_server'");
            ImmichWizardSupport.connectAndDiagnose(robot, shell, ctx, ImmichWizardSupport.url(server, immich.name()));
            // the sidebar now shows the migration flow, not the SQLite repair
            assertTrue(robot.lookup("#step-migrate").query().isVisible());
            assertFalse(robot.lookup("#step-repair").query().isVisible());
            assertFalse(robot.lookup("#step-imageswap").query().isVisible(), "no image swap before a two-phase plan is chosen");

            robot.interact(() -> shell.goTo("migrate"));
            waitUntil(() -> ctx.immich.offer.get() != null && !robot.lookup(".refusal-card").queryAll().isEmpty());
            List<String> reasons = robot.lookup(".refusal-reason").queryAll().stream()
                    .map(n -> ((Label) n).getText()).toList();
            assertTrue(reasons.stream().anyMatch(r -> r.contains("other session")), reasons.toString());
            String sessions = robot.lookup(".refusal-details").queryAll().stream()
                    .map(n -> ((TextArea) n).getText()).reduce("", String::concat);
            assertTrue(sessions.contains("immich_server"), sessions);
            assertTrue(robot.lookup("#applyMigration").queryButton().isDisabled(), "a refused plan cannot be applied");
            assertTrue(text(robot, "#migrateStatus").contains("will not apply"), text(robot, "#migrateStatus"));
            // the statements are still shown, so the user sees what would run
            String preview = robot.lookup("#migrationPreview").queryAs(TextArea.class).getText();
            assertTrue(preview.contains("CREATE EXTENSION IF NOT EXISTS vchord CASCADE"), preview);
            assertTrue(robot.lookup("#plan-pgvectors-to-vchord").query().isVisible());
            Node recommended = robot.lookup("#plan-pgvectors-to-vchord").query();
            assertTrue(((javafx.scene.control.RadioButton) recommended).isSelected(), "the recommended plan is chosen first");
        }
        assertEquals(before, immich.checksum("smart_search"), "nothing changed");
        assertEquals("0", server.queryValue(immich.name(), "SELECT count(*) FROM pg_extension WHERE extname = 'vchord'"));
        assertEquals("vectors", server.queryValue(immich.name(), "SELECT t.typnamespace::regnamespace::text FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = 'smart_search'::regclass AND a.attname = 'embedding'"));
    }

    @Test
    void aRoleThatMayNotCreateVectorChordGetsTheSuperuserStatementsToCopy(FxRobot robot) {
        String url = "postgresql://immich@localhost:" + server.port() + "/owned";
        ImmichWizardSupport.connectAndDiagnose(robot, shell, ctx, url);
        robot.interact(() -> shell.goTo("migrate"));
        waitUntil(() -> ctx.immich.plan.get() != null && !robot.lookup(".refusal-card").queryAll().isEmpty());
        String reason = robot.lookup(".refusal-reason").queryAs(Label.class).getText();
        assertTrue(reason.contains("may not run"), reason);
        String details = robot.lookup(".refusal-details").queryAs(TextArea.class).getText();
        assertTrue(details.contains("CREATE EXTENSION IF NOT EXISTS vchord CASCADE;"), details);
        robot.clickOn(".copy-refusal");
        String copied = clipboard(robot);
        assertEquals("CREATE EXTENSION IF NOT EXISTS vchord CASCADE;", copied, "only the statements, ready for psql");
        assertTrue(robot.lookup("#applyMigration").queryButton().isDisabled());
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
