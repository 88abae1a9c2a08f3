package dbmedic.ui;

import dbmedic.demo.DemoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo database: a broken InvokeAI root in a fresh temporary folder, so nothing real is touched. */
final class Demo {
    private Demo() {
    }

    static Path create() throws IOException {
        Path folder = Files.createTempDirectory("dbmedic-demo-");
        return DemoDatabase.create(folder.resolve("invokeai"));
    }
}
