package dbmedic.pgtest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a helper program to completion; a failure carries its output (or the log it wrote to). */
final class Processes {

    private Processes() {
    }

    /** @param log where the output goes (appended), or null to keep it for the error message */
    static void run(Path workingDirectory, Path log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workingDirectory.toFile());
        builder.redirectErrorStream(true);
        File capture = log != null ? log.toFile() : File.createTempFile("pgtest", ".out");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(capture));
        try {
            Process process = builder.start();
            int exit = process.waitFor();
            if (exit != 0) {
                String output = Files.readString(capture.toPath());
                throw new IOException(String.join(" ", command) + " failed with exit code " + exit + ":\n"
                        + tail(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command[0], e);
        } finally {
            if (log == null) {
                Files.deleteIfExists(capture.toPath());
            }
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
