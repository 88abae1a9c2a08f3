package dbmedic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.core.Medic;
import dbmedic.core.report.JsonDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures what a user would see. */
final class CliRunner {
    private static final Medic MEDIC = new Medic();

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JsonDocuments.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + out, e);
            }
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(() -> MEDIC, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** SHA-256 of every file below {@code dir}, by relative path: the "nothing changed" witness. */
    static Map<String, String> hashes(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                result.put(dir.relativize(f).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
