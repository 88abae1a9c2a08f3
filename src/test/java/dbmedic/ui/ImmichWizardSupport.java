package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.waitUntil;

import dbmedic.core.Medic;
import dbmedic.pgtest.PgServer;
import dbmedic.ui.immich.CoreImmichEngine;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** Opens the wizard on a test PostgreSQL server's Immich database, as a user would: Start → Connect → Diagnose. */
final class ImmichWizardSupport {
    private ImmichWizardSupport() {
    }

    static WizardContext context(Path journals) {
        Medic medic = new Medic();
        return new WizardContext(medic, page -> null, null, CoreImmichEngine.factory(medic, journals));
    }

    static WizardShell open(Stage stage, WizardContext ctx) {
        Theme.apply(false);
        return WizardWindow.open(stage, ctx, p -> {
            throw new IllegalStateException("these tests do not use the demo");
        });
    }

    static String url(PgServer server, String database) {
        String password = server.superuserPassword().map(p -> ":" + p).orElse("");
        return "postgresql://" + PgServer.SUPERUSER + password + "@localhost:" + server.port() + "/" + database;
    }

    /** From Start to a finished diagnosis of {@code url}. */
    static void connectAndDiagnose(FxRobot robot, WizardShell shell, WizardContext ctx, String url) {
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(url));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        // the verdict is written right after the diagnosis is set: wait for both (this runs off the FX thread)
        waitUntil(() -> ctx.diagnosis.get() != null && !robot.lookup("#next").queryButton().isDisabled()
                && !FxTestSupport.text(robot, "#diagnoseVerdict").startsWith("Diagnosing"));
        if (!"diagnose".equals(shell.current().key())) {
            throw new AssertionError("expected the Diagnose page, got " + shell.current().key());
        }
    }
}
