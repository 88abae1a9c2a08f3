package dbmedic;

import dbmedic.core.appdata.AppDirectories;

/**
 * The one launcher: no arguments (or {@code --demo}) opens the wizard; a subcommand runs
 * the command line. Kept free of JavaFX types so the CLI never loads the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: the log file lives in the app-data folder.
        if (System.getProperty("dbmedic.logdir") == null) {
            System.setProperty("dbmedic.logdir", AppDirectories.logDir().toString());
        }
        if (args.length == 0 || (args.length == 1 && args[0].equals("--demo"))) {
            dbmedic.ui.WizardApp.start(args);
            return;
        }
        System.exit(dbmedic.cli.Cli.run(args));
    }
}
