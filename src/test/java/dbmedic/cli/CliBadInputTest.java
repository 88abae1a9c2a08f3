package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gives one clear line on stderr and exit 2, never a stack trace, and leaves the input as it was. */
class CliBadInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> unusableInputs() {
        return Stream.of(
                Arguments.of("missing path", (Function<Path, Path>) d -> d.resolve("no-such.db")),
                Arguments.of("empty file", (Function<Path, Path>) SqliteFixtures::emptyFile),
                Arguments.of("random bytes", (Function<Path, Path>) SqliteFixtures::randomBytes),
                Arguments.of("truncated file", (Function<Path, Path>) SqliteFixtures::truncated),
                Arguments.of("text file named .db", (Function<Path, Path>) SqliteFixtures::textFileNamedDb),
                Arguments.of("folder without a database", (Function<Path, Path>) d -> {
                    try {
                        return Files.createDirectories(d.resolve("empty-folder"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableInputs")
    void unusableInputIsOneLineAndExitTwoForEveryCommand(String name, Function<Path, Path> make) {
        Path input = make.apply(dir);
        Map<String, String> before = CliRunner.hashes(dir);
        for (String command : new String[] {"diagnose", "backup", "repair", "verify"}) {
            CliRunner.Result r = command.equals("repair")
                    ? CliRunner.run(command, input.toString(), "--yes")
                    : CliRunner.run(command, input.toString());
            assertEquals(2, r.code(), command + " on " + name + ": " + r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("dbmedic: "), err);
            assertFalse(err.contains("\n"), command + " on " + name + " printed more than one line: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            assertEquals("", r.out(), "nothing on stdout for unusable input");
        }
        assertEquals(before, CliRunner.hashes(dir), "the input was changed");
    }

    @Test
    void aCorruptPageIsARealDatabaseWithAProblemNotUnusableInput() {
        Path db = SqliteFixtures.corruptPage(dir);
        Map<String, String> before = CliRunner.hashes(dir);
        CliRunner.Result r = CliRunner.run("diagnose", db.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.json().get("findings").findValuesAsText("id").contains("sqlite.integrity"));
        boolean integrityError = false;
        for (var f : r.json().get("findings")) {
            integrityError |= f.get("id").asText().equals("sqlite.integrity") && f.get("severity").asText().equals("error");
        }
        assertTrue(integrityError, r.out());
        assertEquals(before, CliRunner.hashes(dir));
    }

    @Test
    void hostileNamesAreDiagnosedNotInjected() {
        Path db = SqliteFixtures.hostileNames(dir);
        Map<String, String> before = CliRunner.hashes(dir);
        CliRunner.Result r = CliRunner.run("diagnose", db.toString(), "--json");
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        assertTrue(r.json().get("findings").findValuesAsText("id").contains("app.not-recognised"), r.out());
        assertEquals(before, CliRunner.hashes(dir));
    }

    @Test
    void usageErrorsAreOneLinePlusAHint() {
        CliRunner.Result r = CliRunner.run("diagnose");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dbmedic: Missing required parameter"), r.err());
        CliRunner.Result unknown = CliRunner.run("frobnicate");
        assertEquals(2, unknown.code());
        CliRunner.Result badApp = CliRunner.run("diagnose", SqliteFixtures.invokeAiHealthy(dir, 15).toString(), "--app", "immich");
        assertEquals(2, badApp.code(), badApp.err());
        assertFalse(badApp.err().strip().contains("\n"), badApp.err());
    }

    @Test
    void helpAndVersion() {
        CliRunner.Result help = CliRunner.run("--help");
        assertEquals(0, help.code());
        for (String sub : new String[] {"diagnose", "backup", "repair", "verify", "explain"}) {
            assertTrue(help.out().contains(sub), help.out());
        }
        CliRunner.Result version = CliRunner.run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("DB Medic "), version.out());
    }
}
