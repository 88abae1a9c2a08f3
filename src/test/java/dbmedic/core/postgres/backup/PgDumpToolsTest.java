package dbmedic.core.postgres.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PostgresTarget;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding pg_dump by version, its arguments and environment, and reading pg_restore's TOC. */
class PgDumpToolsTest {
    @TempDir
    Path dir;

    private Path fakeTools(String name, String version) throws Exception {
        return BackupFixtures.scripts(dir.resolve(name), "echo 'pg_dump (PostgreSQL) " + version + "'",
                "echo 'pg_restore (PostgreSQL) " + version + "'");
    }

    @Test
    void theNewestPgDumpOfAtLeastTheServersMajorIsChosen() throws Exception {
        Path v13 = fakeTools("13", "13.16");
        Path v17 = fakeTools("17", "17.2 (Homebrew)");
        Path v15 = fakeTools("15", "15.10 (Debian 15.10-0+deb12u1)");
        Path broken = BackupFixtures.scripts(dir.resolve("broken"), "echo 'not a pg_dump'", "true");
        PgDumpLocator locator = new PgDumpLocator(List.of(v13, broken, v15, v17, dir.resolve("missing")));

        assertEquals(List.of(17, 15, 13), locator.all().stream().map(PgTools::major).toList());
        PgTools tools = locator.find(14).orElseThrow();
        assertEquals(17, tools.major());
        assertEquals(v17.resolve("pg_dump"), tools.pgDump());
        assertEquals(v17.resolve("pg_restore"), tools.pgRestore());
        assertEquals("pg_dump (PostgreSQL) 17.2 (Homebrew)", tools.version());
        assertEquals(Optional.empty(), locator.find(18));
        assertEquals(Optional.of(17), locator.newestMajor());
        assertEquals(Optional.empty(), new PgDumpLocator(List.of(v13)).find(14));
    }

    @Test
    void versionLinesOfThePackagedBuildsAreRead() {
        assertEquals(15, PgDumpLocator.parseVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n").orElseThrow().major());
        assertEquals(16, PgDumpLocator.parseVersion("pg_dump (PostgreSQL) 16.4 (Postgres.app)").orElseThrow().major());
        assertEquals(9, PgDumpLocator.parseVersion("pg_dump (PostgreSQL) 9.6.24").orElseThrow().major());
        assertEquals(17, PgDumpLocator.parseVersion("pg_dump (PostgreSQL) 17beta1").orElseThrow().major());
        assertTrue(PgDumpLocator.parseVersion("mysqldump  Ver 8.0").isEmpty());
    }

    @Test
    void argumentsCarryTheConnectionButNeverThePasswordWhichGoesInTheEnvironment() throws Exception {
        PostgresTarget t = PostgresTarget.parse("postgresql://immich:s3cret-pw@db.example:5433/my'db?sslmode=no-verify");
        List<String> cmd = PgDumpRunner.command(Path.of("pg_dump"), t, Path.of("out.dump.partial"), null);
        assertEquals(List.of("pg_dump", "--format=custom", "--file=out.dump.partial", "--host=db.example", "--port=5433",
                "--username=immich", "--no-password", "--dbname=dbname='my\\'db'"), cmd);
        assertFalse(String.join(" ", cmd).contains("s3cret"));
        assertTrue(PgDumpRunner.command(Path.of("pg_dump"), t, Path.of("x"), "00000003-00000002-1").contains("--snapshot=00000003-00000002-1"));

        Map<String, String> env = new HashMap<>(Map.of("PGPASSWORD", "inherited", "PGHOST", "elsewhere", "PATH", "/bin"));
        PgDumpRunner.environment(env, t, "s3cret-pw".toCharArray());
        assertEquals("s3cret-pw", env.get("PGPASSWORD"));
        assertEquals("require", env.get("PGSSLMODE"));
        assertFalse(env.containsKey("PGHOST"));
        assertEquals("/bin", env.get("PATH"));

        Map<String, String> none = new HashMap<>(Map.of("PGPASSWORD", "inherited"));
        PgDumpRunner.environment(none, PostgresTarget.parse("postgresql://u@h/d"), null);
        assertFalse(none.containsKey("PGPASSWORD"), "no inherited password reaches pg_dump when the session needed none");
        assertEquals("prefer", none.get("PGSSLMODE"));
    }

    @Test
    void sslModesMapToLibpqs() {
        assertEquals("require", PgDumpRunner.libpqSslMode("no-verify"));
        assertEquals("verify-full", PgDumpRunner.libpqSslMode("verify-full"));
        assertEquals("disable", PgDumpRunner.libpqSslMode("disable"));
        assertEquals("prefer", PgDumpRunner.libpqSslMode("something-else"));
    }

    @Test
    void tocListingIsParsed() {
        String listing = ";\n; Archive created at 2026-11-21 16:50:01 UTC\n;     dbname: immich\n;     TOC Entries: 5\n;\n"
                + "2; 3079 16385 EXTENSION - vectors \n"
                + "215; 1259 16420 TABLE public smart_search postgres\n"
                + "3390; 0 16420 TABLE DATA public smart_search postgres\n"
                + "3391; 0 16430 TABLE DATA public face_search postgres\n"
                + "3240; 2606 16440 CONSTRAINT public smart_search smart_search_pkey postgres\n";
        DumpToc toc = DumpToc.parse(listing);
        assertEquals(5, toc.entries());
        assertTrue(toc.hasDataOf("smart_search") && toc.hasDataOf("face_search"));
        assertEquals(List.of("face_search"), DumpToc.parse(listing.replace("3391; 0 16430 TABLE DATA public face_search postgres\n", ""))
                .missing(List.of("smart_search", "face_search")));
        assertEquals(0, DumpToc.parse(";\n; nothing\n").entries());
    }

    @Test
    void folderNamesAreSafe() {
        Instant at = Instant.parse("2026-11-21T16:50:01Z");
        String name = BackupFiles.folderName("immich", at);
        assertTrue(name.matches("immich-immich-\\d{8}-\\d{6}"), name);
        String odd = BackupFiles.folderName("../etc/x y", at);
        assertTrue(odd.startsWith("immich-_.._etc_x_y-") && !odd.contains("/") && !odd.contains(" "), odd);
        assertEquals("_.hidden.copy.gz", BackupFiles.dataFileName(".hidden"));
    }
}
