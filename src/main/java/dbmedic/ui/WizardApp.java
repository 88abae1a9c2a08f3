package dbmedic.ui;

import javafx.application.Application;

/** Entry point the launcher calls; the JavaFX {@link Application} itself is {@link WizardApplication}. */
public final class WizardApp {
    private WizardApp() {
    }

    /** Opens the wizard; {@code --demo} opens it on the built-in broken sample database. */
    public static void start(String[] args) {
        Application.launch(WizardApplication.class, args);
    }
}
