package dbmedic.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dbmedic.core.Version;
import dbmedic.demo.DemoDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher of the jpackage app image the way a user's shell would: {@code --version}
 * and {@code diagnose --json} on a real broken database. Runs only in the Maven profile
 * {@code installer}, which builds the image first and passes its folder as
 * {@code dbmedic.appImage}; without that property it fails rather than passing unseen.
 */
class PackagedAppIT {
    @TempDir
    Path temp;

    @Test
    void versionComesThroughTheLauncher() throws Exception {
        Run run = launch(List.of("--version"), Files.createDirectories(temp.resolve("tmp")));
        assertEquals(0, run.exit, run.describe());
        assertEquals("DB Medic " + Version.current(), run.stdout.strip(), run.describe());
    }

    @Test
    void diagnoseJsonFindsTheDemoDamageWithoutWritingOrUnpacking() throws Exception {
        Path root = DemoDatabase.create(temp.resolve("invokeai"));
        Path db = root.resolve(DemoDatabase.DB_RELATIVE);
        String before = sha256(db);
        Path tmp = Files.createDirectories(temp.resolve("tmp"));

        Run run = launch(List.of("diagnose", root.toString(), "--json"), tmp);

        assertEquals(1, run.exit, "exit 1 = problems found; " + run.describe());
        JsonNode json = new ObjectMapper().readTree(run.stdout);
        assertEquals("invokeai", json.path("app").path("id").asText(), run.describe());
        List<String> findings = new ArrayList<>();
        json.path("findings").forEach(f -> findings.add(f.path("id").asText() + " " + f.path("subject").asText()));
        assertTrue(findings.contains("sqlite.missing-column session_queue.destination"), findings.toString());
        assertEquals(before, sha256(db), "diagnosis through the packaged app changed the database");
        // sqlite-jdbc's native library comes from the app folder, not unpacked into the temp folder
        try (Stream<Path> files = Files.list(tmp)) {
            List<String> unpacked = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("sqlitejdbc")).toList();
            assertEquals(List.of(), unpacked);
        }
    }

    private record Run(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private Run launch(List<String> args, Path tmpDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        Path out = temp.resolve("stdout-" + System.nanoTime());
        Path err = temp.resolve("stderr-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // the JVM itself reads this, whatever the launcher's own options; the log goes to the temp folder too
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmpDir + " -Ddbmedic.logdir=" + temp.resolve("logs"));
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the packaged launcher did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The launcher jpackage made for this OS (Windows: the console one, for the CLI). */
    private static Path launcher() {
        String image = System.getProperty("dbmedic.appImage");
        if (image == null || image.isBlank()) {
            fail("dbmedic.appImage is not set: run this test through `mvn -Pinstaller verify`, which builds the app image");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path dir = Path.of(image);
        Path launcher = os.startsWith("windows") ? dir.resolve("DB Medic").resolve("dbmedic.exe")
                : os.startsWith("mac") ? dir.resolve("DB Medic.app").resolve("Contents/MacOS/DB Medic")
                : dir.resolve("dbmedic").resolve("bin").resolve("dbmedic");
        assertTrue(Files.isExecutable(launcher), "no launcher at " + launcher);
        return launcher;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
