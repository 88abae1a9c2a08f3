package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {
    @TempDir
    Path dir;

    private static String find(String text, String host, int port, String db, String user) {
        return PgPass.find(text, host, port, db, user).map(String::new).orElse(null);
    }

    @Test
    void firstMatchingLineWinsAndWildcardsMatchWholeFields() {
        String file = "# comment line\n"
                + "db.example.org:5432:immich:immich:first\n"
                + "*:*:immich:immich:second\n"
                + "*:*:*:*:fallback\n";
        assertEquals("first", find(file, "db.example.org", 5432, "immich", "immich"));
        assertEquals("second", find(file, "other", 5432, "immich", "immich"));
        assertEquals("second", find(file, "db.example.org", 6543, "immich", "immich"));
        assertEquals("fallback", find(file, "db.example.org", 5432, "postgres", "immich"));
    }

    @Test
    void starOnlyCountsAsAWholeField() {
        // "db*" is a literal name, not a prefix pattern.
        assertEquals(null, find("db*:5432:immich:immich:x\n", "db1", 5432, "immich", "immich"));
        assertEquals("x", find("db*:5432:immich:immich:x\n", "db*", 5432, "immich", "immich"));
    }

    @Test
    void escapesInFieldsAndPassword() {
        String file = "fe80\\:\\:1:5432:my\\\\db:immich:pa\\:ss\\\\word\n";
        assertEquals("pa:ss\\word", find(file, "fe80::1", 5432, "my\\db", "immich"));
        // An unescaped ':' ends the password, as in libpq.
        assertEquals("abc", find("h:5432:d:u:abc:def\n", "h", 5432, "d", "u"));
    }

    @Test
    void hostAndPortAreComparedAsWritten() {
        assertEquals(null, find("localhost:5432:d:u:pw\n", "127.0.0.1", 5432, "d", "u"));
        assertEquals("pw", find("localhost:5432:d:u:pw\r\n", "localhost", 5432, "d", "u"));
        assertEquals(null, find("h:5433:d:u:pw\n", "h", 5432, "d", "u"));
        assertEquals(null, find("h:5432:d:u\n", "h", 5432, "d", "u"), "a line with too few fields never matches");
    }

    @Test
    void fileWithGroupOrWorldAccessIsIgnoredWithAWarning() throws Exception {
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:pw\n");
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Windows: libpq does not check permissions, so the file is used as is.
            assertEquals("pw", new String(PgPass.lookup(pgpass, "h", 5432, "d", "u").password().orElseThrow()));
            return;
        }
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        PgPass.Lookup loose = PgPass.lookup(pgpass, "h", 5432, "d", "u");
        assertTrue(loose.password().isEmpty());
        assertTrue(loose.warning().orElseThrow().contains("has group or world access"), loose.warning().toString());

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        PgPass.Lookup tight = PgPass.lookup(pgpass, "h", 5432, "d", "u");
        assertEquals("pw", new String(tight.password().orElseThrow()));
        assertTrue(tight.warning().isEmpty());
    }

    @Test
    void locationFollowsPgpassfileThenHome() {
        assertEquals(Path.of("/elsewhere/pw"), PgPass.location(Map.of("PGPASSFILE", "/elsewhere/pw"), dir));
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals(dir.resolve(".pgpass"), PgPass.location(Map.of(), dir));
        }
        assertEquals(Optional.empty(), PgPass.lookup(dir.resolve("missing"), "h", 1, "d", "u").file());
    }

    @Test
    void sourcesOrderUrlThenPgpasswordThenFile() throws Exception {
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:fromfile\n");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        }
        PostgresOptions env = PostgresOptions.defaults().withEnvironment(Map.of("PGPASSWORD", "fromenv", "PGPASSFILE", pgpass.toString()), dir);
        PostgresOptions fileOnly = PostgresOptions.defaults().withEnvironment(Map.of("PGPASSFILE", pgpass.toString()), dir);

        PasswordSources s = new PasswordSources();
        assertEquals("fromurl", new String(s.first(PostgresTarget.parse("postgresql://u:fromurl@h/d"), env).orElseThrow().password()));
        assertEquals("PGPASSWORD", s.first(PostgresTarget.parse("postgresql://u@h/d"), env).orElseThrow().origin());
        assertEquals("fromfile", new String(s.first(PostgresTarget.parse("postgresql://u@h/d"), fileOnly).orElseThrow().password()));
        assertTrue(s.first(PostgresTarget.parse("postgresql://u@h/d"),
                PostgresOptions.defaults().withEnvironment(Map.of(), dir.resolve("nohome"))).isEmpty());
    }
}
