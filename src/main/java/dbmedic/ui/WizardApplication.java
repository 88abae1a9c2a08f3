package dbmedic.ui;

import dbmedic.core.Medic;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.ThemeDetector;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: theme, engine, window; {@code --demo} opens on the demo database. */
public final class WizardApplication extends Application {
    private boolean dark;
    private Path demoRoot;
    private String demoProblem;
    private Medic medic;

    /** Runs on the launcher thread, not the FX thread: the slow bits go here. */
    @Override
    public void init() throws Exception {
        dark = ThemeDetector.prefersDark();
        medic = new Medic();
        if (getParameters().getRaw().contains("--demo")) {
            try {
                demoRoot = Demo.create();
            } catch (java.io.IOException e) {
                demoProblem = "The demo database could not be created: " + e.getMessage();
            }
        }
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(dark);
        WizardContext ctx = new WizardContext(medic, new DocsLinkOpener(getHostServices()), new CoreReportSaver());
        var shell = WizardWindow.open(stage, ctx, p -> Demo.create());
        if (demoRoot != null) {
            ctx.app.set("invokeai");
            ctx.targetText.set(demoRoot.toString());
            shell.goTo("connect");
        } else if (demoProblem != null) {
            shell.showError(demoProblem);
        }
    }
}
