package dbmedic.ui;

/** The wizard's JavaFX application. */
public final class WizardApp {
    /** Opens the wizard; {@code --demo} opens it on the built-in broken sample database. */
    public static void start(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
