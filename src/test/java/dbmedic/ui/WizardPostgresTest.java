package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.Medic;
import dbmedic.core.finding.Finding;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Immich's DB_URL in the wizard against a real PostgreSQL 17 (password authentication, a
 * pgvecto.rs-era Immich database on the fixture extensions): the Test button connects with
 * the URL's password, a wrong password is said plainly, and Diagnose shows Immich's findings.
 */
@ExtendWith(ApplicationExtension.class)
class WizardPostgresTest {
    private static PgServer server;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startServer() {
        server = PgServer.builder(17).scramAuthentication().start();
        ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(20).create();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        ctx = new WizardContext(new Medic(), page -> null, null);
        shell = WizardWindow.open(stage, ctx, p -> {
            throw new IllegalStateException("this test does not use the demo");
        });
    }

    @Test
    void testButtonThenDiagnosisOfImmich(FxRobot robot) {
        String password = server.superuserPassword().orElseThrow();
        String url = "postgresql://" + PgServer.SUPERUSER + ":" + password + "@localhost:" + server.port() + "/immich";
        robot.clickOn("#next");
        setTarget(robot, url.replace(":" + password + "@", ":wrong-password@"));
        robot.clickOn("#testConnection");
        waitUntil(() -> text(robot, "#testResult").startsWith("✖"));
        assertTrue(text(robot, "#testResult").toLowerCase().contains("password"), text(robot, "#testResult"));
        assertTrue(!text(robot, "#testResult").contains("wrong-password"), "the password is never shown");

        setTarget(robot, url);
        robot.clickOn("#testConnection");
        waitUntil(() -> text(robot, "#testResult").startsWith("✔"));
        assertTrue(text(robot, "#testResult").contains("PostgreSQL 17"), text(robot, "#testResult"));

        robot.clickOn("#next");
        assertEquals("diagnose", shell.current().key());
        // The cards are built right after the diagnosis is set: wait for all of them.
        waitUntil(() -> ctx.diagnosis.get() != null && robot.lookup("#findings .finding-card").queryAll().size()
                == ctx.diagnosis.get().findings().size());
        List<String> ids = new ArrayList<>();
        for (Node card : robot.lookup("#findings .finding-card").queryAll()) {
            ids.add(((Finding) card.getProperties().get(Finding.class)).id());
        }
        assertTrue(ids.contains("app.recognised"), ids.toString());
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("immich.")), ids.toString());
        assertTrue(text(robot, "#targetHeader").contains("Immich"), text(robot, "#targetHeader"));
        // a live Immich database goes on to its migration: the sidebar shows that flow, not the SQLite repair
        assertTrue(!robot.lookup("#next").queryButton().isDisabled(), "Next leads to the Immich backup");
        assertTrue(robot.lookup("#step-pgbackup").query().isVisible() && robot.lookup("#step-watch").query().isVisible());
        assertTrue(!robot.lookup("#step-repair").query().isVisible());
    }

    private static void setTarget(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(text));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
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
