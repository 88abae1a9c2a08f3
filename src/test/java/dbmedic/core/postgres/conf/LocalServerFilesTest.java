package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a copied data directory from disk, without changing it. */
class LocalServerFilesTest {

    @TempDir
    Path copy;

    private TreeMap<String, FileTime> snapshot() throws IOException {
        TreeMap<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(copy)) {
            for (Path p : s.toList()) {
                m.put(copy.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    @Test
    void readsTheCopyUnderTheServersPathsAndWritesNothing() throws IOException {
        Files.writeString(copy.resolve("PG_VERSION"), "16\n");
        Files.writeString(copy.resolve("postgresql.conf"), "include_dir 'conf.d'\nport = 5432\n");
        Files.createDirectories(copy.resolve("conf.d/sub.conf"));
        Files.writeString(copy.resolve("conf.d/b.conf"), "port = 6000\n");
        Files.writeString(copy.resolve("conf.d/a.conf"), "port = 5999\n");
        Files.writeString(copy.resolve("postgresql.auto.conf"), "shared_preload_libraries = '\"vchord.so\"'\n");
        TreeMap<String, FileTime> before = snapshot();

        ServerFiles files = new LocalServerFiles("/var/lib/postgresql/data", copy);
        DataDirectoryConfig c = DataDirectoryConfig.read(files, "/var/lib/postgresql/data");
        assertEquals(16, c.pgVersion().orElseThrow().major());
        assertEquals("5432", c.value("port").orElseThrow());
        assertEquals(List.of("5999", "6000"),
                c.setting("port").orElseThrow().overridden().stream().map(ConfEntry::value).toList());
        assertEquals(List.of("vchord.so"), c.sharedPreloadLibraries().names());

        assertTrue(files.read("/etc/passwd").isEmpty()); // outside the mapped folder
        assertTrue(files.read("/var/lib/postgresql/data/../../../../etc/passwd").isEmpty());
        List<String> names = new ArrayList<>(files.listRegularFiles("/var/lib/postgresql/data/conf.d").orElseThrow());
        names.sort(String::compareTo);
        assertEquals(List.of("a.conf", "b.conf"), names);
        assertEquals(before, snapshot());
    }
}
