package dbmedic.ui;

import java.io.IOException;
import java.nio.file.Path;

/** The demo database: a broken InvokeAI root in a fresh temporary folder. */
final class Demo {
    private Demo() {
    }

    static Path create() throws IOException {
        throw new IOException("The demo database is not available in this build.");
    }
}
