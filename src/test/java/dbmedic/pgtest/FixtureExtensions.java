package dbmedic.pgtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the SQL-only stand-ins for pgvector ({@code vector}), pgvecto.rs ({@code vectors}) and
 * VectorChord ({@code vchord}) into a server's {@code share/postgresql/extension}: one control
 * file (naming the default version) and one install script per version, plus no-op update scripts
 * between versions so {@code ALTER EXTENSION ... UPDATE} works. None is trusted: like the real
 * ones, only a superuser can create them.
 */
final class FixtureExtensions {

    static final List<String> NAMES = List.of("vector", "vectors", "vchord");

    private static final Map<String, String> CONTROL = Map.of(
            "vector", "comment = 'vector data type and ivfflat and hnsw access methods (DB Medic test stand-in)'\n"
                    + "module_pathname = '$libdir/vector'\n"
                    + "relocatable = true\n",
            "vectors", "comment = 'pgvecto.rs: vector search (DB Medic test stand-in)'\n"
                    + "module_pathname = '$libdir/vectors'\n"
                    + "relocatable = false\n"
                    + "schema = vectors\n",
            "vchord", "comment = 'vchord: vector search (DB Medic test stand-in)'\n"
                    + "module_pathname = '$libdir/vchord'\n"
                    + "relocatable = false\n"
                    + "requires = 'vector'\n");

    private FixtureExtensions() {
    }

    /** @param versions extension name → its versions, the first being the default version */
    static void install(Path extensionDir, Map<String, List<String>> versions) throws IOException {
        for (Map.Entry<String, List<String>> extension : versions.entrySet()) {
            String name = extension.getKey();
            List<String> list = extension.getValue();
            String control = "# DB Medic test stand-in, see docs/testing-postgres.md\n"
                    + CONTROL.get(name)
                    + "default_version = '" + list.get(0) + "'\n"
                    + "superuser = true\n"
                    + "trusted = false\n";
            write(extensionDir.resolve(name + ".control"), control);
            String template = template(name);
            for (String version : list) {
                write(extensionDir.resolve(name + "--" + version + ".sql"), template.replace("@VERSION@", version));
            }
            List<String> ordered = new ArrayList<>(list);
            ordered.sort(Comparator.comparing(FixtureExtensions::versionKey));
            for (int from = 0; from < ordered.size(); from++) {
                for (int to = from + 1; to < ordered.size(); to++) {
                    String a = ordered.get(from);
                    String b = ordered.get(to);
                    write(extensionDir.resolve(name + "--" + a + "--" + b + ".sql"),
                            "-- DB Medic test stand-in: " + name + " " + a + " -> " + b + " changes nothing.\n"
                                    + "\\echo Use \"ALTER EXTENSION " + name + " UPDATE\" to load this file. \\quit\n");
                }
            }
        }
    }

    static Map<String, List<String>> defaults() {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("vector", List.of("0.8.0", "0.7.0"));
        defaults.put("vectors", List.of("0.2.0"));
        defaults.put("vchord", List.of("0.4.3", "0.3.0"));
        return defaults;
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("[.-]")) {
            key.append(String.format("%08d", part.matches("\\d+") ? Long.parseLong(part) : 0)).append('.');
        }
        return key.toString();
    }

    private static void write(Path file, String text) throws IOException {
        // Never write through a hard link into the shared tree.
        Files.deleteIfExists(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String template(String name) {
        try (InputStream in = FixtureExtensions.class.getResourceAsStream("/pgtest/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /pgtest/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
