package dbmedic.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnosis reads only: every file's SHA-256, size and modification time and the listing stay the same. */
class OfflineWritesNothingTest {

    @TempDir
    Path tmp;

    @Test
    void composeFolderIsUnchanged() throws Exception {
        Path dir = ImmichComposeFiles.folder(tmp, "compose", ImmichComposeFiles.DB_NEW_IMAGE_OLD_COMMAND,
                ImmichComposeFiles.env("v1.133.0") + "DB_URL=postgresql://postgres:pw@database/immich\n");
        Files.createDirectories(dir.resolve("library"));
        Path data = DataDirs.create(dir, "postgres", 14);
        DataDirs.write(data, "postgresql.auto.conf", DataDirs.AUTO_HEADER + "shared_preload_libraries = '\"vectors.so\"'\n");
        assertUnchanged(dir);
        assertTrue(Diagnoses.ids(Diagnoses.run(dir)).contains("postgres.preload-missing/error"));
    }

    @Test
    void brokenComposeFolderIsUnchanged() throws Exception {
        Path dir = ImmichComposeFiles.folder(tmp, "bad", "  database: [\n", "BROKEN LINE\n");
        assertUnchanged(dir);
    }

    @Test
    void dataDirectoryIsUnchanged() throws Exception {
        Path d = DataDirs.create(tmp, "pg", 16);
        DataDirs.write(d, "postgresql.conf", "include_dir 'conf.d'\nshared_preload_libraries = 'vchord.so'\n");
        DataDirs.write(d, "conf.d/a.conf", "shared_buffers = 128MB\n");
        DataDirs.write(d, "postgresql.auto.conf", DataDirs.AUTO_HEADER + "shared_preload_libraries = '\"vectors.so\"'\n");
        DataDirs.write(d, "pg_hba.conf", DataDirs.HBA_INITDB + "include_if_exists missing.conf\n");
        DataDirs.write(d, "postmaster.opts", "/usr/lib/postgresql/16/bin/postgres\n");
        DataDirs.write(d, "postmaster.pid", "1\n/var/lib/postgresql/data\n");
        Files.writeString(d.resolve("standby.signal"), "");
        assertUnchanged(d);
    }

    private static void assertUnchanged(Path dir) throws Exception {
        Map<String, String> before = snapshot(dir);
        Diagnoses.run(dir);
        Diagnoses.run(dir, OfflineOptions.defaults().withClient("10.1.2.3", "other", "someone"));
        Map<String, String> after = snapshot(dir);
        assertFalse(before.isEmpty());
        assertEquals(before, after);
    }

    /** Relative path → "dir" or "sha256 size mtime" for every entry under {@code dir}. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    m.put(rel, "dir " + Files.getLastModifiedTime(p).toMillis());
                } else {
                    m.put(rel, sha256(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
