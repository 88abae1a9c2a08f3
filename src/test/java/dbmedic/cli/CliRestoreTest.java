package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.ImmichBackup;
import dbmedic.core.postgres.backup.PgBackupResult;
import dbmedic.core.postgres.backup.PgDumpLocator;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.ImmichDatabase.VectorExtension;
import dbmedic.pgtest.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbmedic restore URL --backup DIR}: asks or refuses, restores, rolls back, exit codes, never the password. */
class CliRestoreTest {
    private static PgServer pg;
    private static ImmichDatabase immich;
    private static String url;

    @TempDir
    static Path dir;
    private static PgBackupResult backup;

    @BeforeAll
    static void start() throws Exception {
        pg = PgServer.builder(14).scramAuthentication().start();
        immich = ImmichDatabase.on(pg).name("immich").immichVersion("1.132.3").extension(VectorExtension.PGVECTORS)
                .clipDimension(512).rows(1500).create();
        url = "postgresql://postgres:" + PgServer.SUPERUSER_PASSWORD + "@localhost:" + pg.port() + "/immich";
        try (PgSession s = PgSession.open(PostgresTarget.parse(url), PostgresOptions.defaults().withEnvironment(Map.of(), dir))) {
            backup = new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, dir.resolve("backups"), Progress.NONE);
        }
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static void assertNoPassword(CliRunner.Result r) {
        assertFalse(r.out().contains(PgServer.SUPERUSER_PASSWORD), r.out());
        assertFalse(r.err().contains(PgServer.SUPERUSER_PASSWORD), r.err());
    }

    @Test
    void withoutYesAndWithoutATerminalItShowsThePlanAndChangesNothing() {
        pg.execute("immich", "DELETE FROM smart_search WHERE \"assetId\" = md5('asset-3')::uuid");
        String before = immich.checksum("smart_search");
        CliRunner.Result r = CliRunner.run("restore", url, "--backup", backup.folder().toString());
        assertEquals(ExitCode.PROBLEMS, r.code(), r.err());
        assertTrue(r.out().contains("smart_search: replace its rows by the backup's 1500 rows"), r.out());
        assertTrue(r.err().contains("not restored (no terminal to confirm). Run again with --yes"), r.err());
        assertEquals(before, immich.checksum("smart_search"));
        assertNoPassword(r);

        CliRunner.Result json = CliRunner.run("restore", url, "--backup", backup.folder().toString(), "--json");
        assertEquals(ExitCode.PROBLEMS, json.code());
        assertFalse(json.json().get("restored").asBoolean());
        assertEquals(before, immich.checksum("smart_search"));
    }

    @Test
    void withYesItRestoresAndReportsEqualChecksums() {
        pg.execute("immich", "DELETE FROM face_search WHERE \"faceId\" IN (SELECT \"faceId\" FROM face_search LIMIT 20)");
        CliRunner.Result r = CliRunner.run("restore", url, "--backup", backup.folder().toString(), "--backup-dir", dir.resolve("before").toString(), "--yes", "--json");
        assertEquals(ExitCode.OK, r.code(), r.err() + r.out());
        JsonNode doc = r.json();
        assertTrue(doc.get("restored").asBoolean());
        JsonNode face = doc.get("restore").get("tables").get(1);
        assertEquals("face_search", face.get("table").asText());
        assertTrue(face.get("matches").asBoolean());
        assertEquals(1500, face.get("after").get("rows").asLong());
        assertEquals(backup.table("face_search").orElseThrow().sha256(), face.get("after").get("sha256").asText());
        // What the restore replaced was backed up first: 1480 face rows, verified.
        JsonNode before = doc.get("backupBefore");
        assertTrue(before.get("verified").asBoolean(), before.toString());
        assertTrue(java.nio.file.Files.isDirectory(Path.of(before.get("folder").asText())));
        assertEquals(1480, before.get("tables").get(1).get("rows").asLong());
        assertNoPassword(r);

        CliRunner.Result human = CliRunner.run("restore", url, "--backup", backup.folder().toString(), "--backup-dir", dir.resolve("before").toString(), "--yes");
        assertEquals(ExitCode.OK, human.code(), human.err());
        assertTrue(human.out().contains("face_search: 1500 rows before, 1500 after (backup: 1500), checksum equal to the backup's"),
                human.out());
        assertNoPassword(human);
    }

    @Test
    void aRestoreThatWouldNotMatchIsRolledBackWithExitCode3() {
        pg.execute("immich", "CREATE FUNCTION drop_all() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                "CREATE TRIGGER drop_all BEFORE INSERT ON smart_search FOR EACH ROW EXECUTE FUNCTION drop_all()");
        try {
            String before = immich.checksum("smart_search");
            CliRunner.Result r = CliRunner.run("restore", url, "--backup", backup.folder().toString(), "--backup-dir", dir.resolve("before").toString(), "--yes");
            assertEquals(ExitCode.REPAIR_FAILED, r.code(), r.err() + r.out());
            assertTrue(r.err().contains("smart_search would hold 0 rows") && r.err().contains("rolled back"), r.err());
            assertEquals(before, immich.checksum("smart_search"));
            assertNoPassword(r);
        } finally {
            pg.execute("immich", "DROP TRIGGER drop_all ON smart_search", "DROP FUNCTION drop_all()");
        }
    }

    @Test
    void unusableInputIsOneLineWithExitCode2() throws Exception {
        CliRunner.Result notUrl = CliRunner.run("restore", dir.toString(), "--backup", backup.folder().toString());
        assertEquals(ExitCode.UNUSABLE, notUrl.code());
        assertTrue(notUrl.err().contains("give its postgresql:// URL"), notUrl.err());

        Path other = Files.createDirectories(dir.resolve("not-a-backup"));
        CliRunner.Result notBackup = CliRunner.run("restore", url, "--backup", other.toString(), "--yes");
        assertEquals(ExitCode.UNUSABLE, notBackup.code());
        assertTrue(notBackup.err().contains("is not a DB Medic PostgreSQL backup"), notBackup.err());
        assertEquals(1, notBackup.err().strip().lines().count(), notBackup.err());
        assertNoPassword(notBackup);
    }
}
