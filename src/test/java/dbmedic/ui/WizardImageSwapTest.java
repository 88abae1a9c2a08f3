package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The two-phase plan on a database image without VectorChord (PostgreSQL 14): phase 1, then the
 * Image swap page; "check again" before the swap says what is missing; the wizard is "restarted"
 * (the target chosen afresh: only the journal remembers) and goes straight back to the Image
 * swap page; after the swap, "check again" runs phase 2, and Verify says lossless.
 */
@ExtendWith(ApplicationExtension.class)
class WizardImageSwapTest {
    private WizardShell shell;
    private WizardContext ctx;

    @Start
    void start(Stage stage) throws Exception {
        ctx = ImmichWizardSupport.context(Files.createTempDirectory("dbmedic-ui-journals-"));
        shell = ImmichWizardSupport.open(stage, ctx);
    }

    @Test
    void phaseOneSwapResumePhaseTwo(FxRobot robot, @TempDir Path backups) {
        try (PgServer server = PgServer.builder(14).withoutExtension("vchord").withoutExtension("vector").start()) {
            ImmichDatabase immich = ImmichDatabase.on(server).immichVersion("1.137.0")
                    .extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(768).rows(1500).create();
            String clipBefore = immich.checksum("smart_search");
            String url = ImmichWizardSupport.url(server, immich.name());
            ImmichWizardSupport.connectAndDiagnose(robot, shell, ctx, url);
            robot.clickOn("#next");
            robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(backups.toString()));
            robot.clickOn("#startPgBackup");
            waitUntil(() -> ctx.immich.backup.get() != null && ctx.immich.backup.get().verified());
            robot.clickOn("#next");
            waitUntil(() -> ctx.immich.plan.get() != null);
            assertEquals("pgvectors-to-vchord-two-phase", ctx.immich.plan.get().id(), "only the two-phase plan fits");
            assertTrue(robot.lookup("#step-imageswap").query().isVisible(), "the sidebar shows the image swap now");

            robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
            waitUntil(() -> robot.lookup("#confirmPhase").tryQuery().isPresent());
            robot.clickOn("#confirmPhase");
            waitUntil(() -> text(robot, "#migrateStatus").startsWith("✔ Phase 1"));
            robot.clickOn("#next");
            assertEquals("imageswap", shell.current().key());
            assertEquals(List.of("Docker Compose", "Helm / CloudNativePG", "Home Assistant add-on"),
                    robot.lookup("#swapSetups").queryAs(TabPane.class).getTabs().stream().map(t -> t.getText()).toList());
            assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Next before phase 2");

            robot.clickOn("#checkSwap");
            waitUntil(() -> !text(robot, "#swapMissing").isEmpty());
            assertTrue(text(robot, "#swapMissing").contains("VectorChord"), text(robot, "#swapMissing"));

            // "restart": the target is chosen again; only the journal knows phase 1 and the 768
            robot.interact(() -> shell.goTo("connect"));
            robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(""));
            waitUntil(() -> ctx.target.get() == null);
            server.swapImage(vchordImage(), "vchord.so");
            robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(url));
            waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
            robot.clickOn("#next");
            waitUntil(() -> "imageswap".equals(shell.current().key()));
            assertTrue(text(robot, "#bannerText").contains("started earlier"), text(robot, "#bannerText"));

            robot.clickOn("#checkSwap");
            waitUntil(() -> robot.lookup("#confirmPhase").tryQuery().isPresent());
            robot.clickOn("#confirmPhase");
            waitUntil(() -> text(robot, "#swapStatus").startsWith("✔ Migrated"));
            robot.clickOn("#next");
            assertEquals("pgverify", shell.current().key());
            waitUntil(() -> ctx.immich.verification.get() != null);
            assertTrue(ctx.immich.verification.get().lossless(), ctx.immich.verification.get().toString());
            assertTrue(text(robot, "#losslessStatement").startsWith("Lossless"), text(robot, "#losslessStatement"));
            assertEquals("vector(768)", server.queryValue(immich.name(), "SELECT format_type(atttypid, atttypmod) FROM"
                    + " pg_attribute WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'"));
            assertEquals(clipBefore, immich.checksum("smart_search"));
        }
    }

    private static Map<String, List<String>> vchordImage() {
        Map<String, List<String>> ext = new LinkedHashMap<>();
        ext.put("vector", List.of("0.8.0"));
        ext.put("vchord", List.of("0.4.3"));
        return ext;
    }
}
