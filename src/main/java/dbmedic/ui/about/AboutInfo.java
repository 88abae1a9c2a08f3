package dbmedic.ui.about;

import dbmedic.core.Version;
import dbmedic.core.appdata.AppDirectories;
import java.nio.file.Path;

/** What the About dialog says, kept apart from the toolkit so it reads as plain text. */
record AboutInfo(String version, String purpose, Path logFile, String runtime, String license) {

    static AboutInfo current() {
        return new AboutInfo(
                Version.current(),
                "Diagnoses and safely repairs the databases of self-hosted apps after an upgrade broke them.",
                // Launcher points logback here (dbmedic.logdir); the same folder when started otherwise
                Path.of(System.getProperty("dbmedic.logdir", AppDirectories.logDir().toString()), "dbmedic.log"),
                "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"))
                        + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                // no LICENSE file in the project yet: say where to look rather than name one
                "License: see the project repository");
    }

    /** The same facts as copyable text, for a bug report. */
    String asText() {
        return "DB Medic " + version + "\n" + purpose + "\nLog file: " + logFile + "\n" + runtime + "\n" + license + "\n";
    }
}
