package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.Medic;
import dbmedic.core.finding.Finding;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An Immich compose folder through the wizard: Connect resolves it, asks where Immich runs,
 * Diagnose shows the compose findings, and the flow stops there (a copied folder is only read).
 */
@ExtendWith(ApplicationExtension.class)
class WizardImmichComposeTest {
    private WizardShell shell;
    private WizardContext ctx;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        ctx = new WizardContext(new Medic(), page -> null, null);
        shell = WizardWindow.open(stage, ctx, p -> {
            throw new IllegalStateException("this test does not use the demo");
        });
    }

    @Test
    void aComposeFolderWithTheOldCommandIsDiagnosedAndTheFlowStopsAtDiagnose(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("docker-compose.yml"), """
                name: immich
                services:
                  immich-server:
                    image: ghcr.io/immich-app/immich-server:${IMMICH_VERSION:-release}
                  database:
                    image: ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0
                    shm_size: 128mb
                    command: postgres -c shared_preload_libraries=vectors.so
                """);
        Files.writeString(dir.resolve(".env"), "IMMICH_VERSION=v1.133.0\nDB_PASSWORD=hunter2\n");
        var before = Files.readString(dir.resolve("docker-compose.yml"));

        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(dir.toString()));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
        assertTrue(text(robot, "#resolveStatus").startsWith("✔ Compose folder"), text(robot, "#resolveStatus"));
        assertTrue(robot.lookup("#clientBox").query().isVisible(), "the client address is asked for PostgreSQL targets");

        robot.clickOn("#next");
        assertEquals("diagnose", shell.current().key());
        // The cards are built right after the diagnosis is set: wait for all of them.
        waitUntil(() -> ctx.diagnosis.get() != null && robot.lookup("#findings .finding-card").queryAll().size()
                == ctx.diagnosis.get().findings().size());
        List<String> shown = new ArrayList<>();
        for (Node card : robot.lookup("#findings .finding-card").queryAll()) {
            Finding f = (Finding) card.getProperties().get(Finding.class);
            shown.add(f.id());
            assertTrue(!f.evidence().contains("hunter2"), "no password in the evidence");
        }
        assertTrue(shown.contains("compose.command-override"), shown.toString());
        assertTrue(text(robot, "#diagnoseVerdict").contains("only read, never changed"), text(robot, "#diagnoseVerdict"));
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no backup/repair step for a copied folder");
        assertEquals(before, Files.readString(dir.resolve("docker-compose.yml")));
    }


    /** Waits for background work; the bound is generous and is not what the test measures. */
    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the wizard did not get there", e);
        }
    }
}
