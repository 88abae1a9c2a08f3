package dbmedic.cli;

import static dbmedic.cli.MigrationWitness.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup / repair / verify on a live Immich database through the command line. */
class CliMigrationTest {
    @TempDir
    Path tmp;

    @Test
    void twoPhaseRepairStopsAtTheImageSwapAndResumesWhenRunAgain() throws Exception {
        try (PgServer pg = PgServer.builder(14).withoutExtension("vchord").withoutExtension("vector").start()) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(768).rows(1200).create();
            String url = pg.postgresUrl("postgres", "immich");
            String[] repair = {"repair", url, "--yes", "--backup-dir", tmp.resolve("backups").toString(),
                    "--journal-dir", tmp.resolve("journals").toString()};

            CliRunner.Result dry = CliRunner.run("repair", url, "--dry-run", "--journal-dir", tmp.resolve("journals").toString());
            assertEquals(ExitCode.PROBLEMS, dry.code(), dry.err());
            assertTrue(dry.out().contains("ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE vector(768);"), dry.out());
            assertTrue(dry.out().contains("Dry run: nothing was changed"));
            assertEquals("vectors:vector(768)", type(pg, "smart_search"));

            CliRunner.Result first = CliRunner.run(repair);
            assertEquals(ExitCode.PROBLEMS, first.code(), first.out() + first.err());
            assertTrue(first.out().contains("Backup (verified)"), first.out());
            assertTrue(first.out().contains("Applied phase-1"), first.out());
            assertTrue(first.out().contains("Docker Compose:") && first.out().contains("Helm / CloudNativePG:")
                    && first.out().contains("Home Assistant add-on:"), first.out());
            assertTrue(first.out().contains("run the same command again"), first.out());
            assertEquals("pg_catalog:real[]", type(pg, "smart_search"));

            Map<String, List<String>> image = new LinkedHashMap<>();
            image.put("vector", List.of("0.8.0"));
            image.put("vchord", List.of("0.4.3"));
            pg.swapImage(image, "vchord.so");

            CliRunner.Result second = CliRunner.run(repair);
            assertEquals(ExitCode.OK, second.code(), second.out() + second.err());
            assertTrue(second.out().contains("Resuming from the journal: phases done phase-1."), second.out());
            assertTrue(second.out().contains("Using the backup taken before the first phase"), second.out());
            assertTrue(second.out().contains("Lossless: every row and every value is as in the backup."), second.out());
            assertTrue(second.out().contains("ok   smart_search: 1200 rows in the backup, 1200 now"), second.out());
            assertEquals("public:vector(768)", type(pg, "smart_search"));

            Path backup;
            try (var dirs = java.nio.file.Files.list(tmp.resolve("backups"))) {
                backup = dirs.filter(java.nio.file.Files::isDirectory).findFirst().orElseThrow();
            }
            CliRunner.Result verify = CliRunner.run("verify", url, "--backup", backup.toString(), "--json");
            assertEquals(ExitCode.OK, verify.code(), verify.out() + verify.err());
            JsonNode v = verify.json().get("verify");
            assertTrue(v.get("lossless").asBoolean());
            assertEquals(1200, v.get("tables").get(0).get("now").get("rows").asInt());
        }
    }

    @Test
    void backupThenARefusalIsOneParagraphAndChangesNothing() throws Exception {
        try (PgServer pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start()) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(300).create();
            String url = pg.postgresUrl("postgres", "immich");
            CliRunner.Result backup = CliRunner.run("backup", url, "--to", tmp.resolve("b").toString(), "--json");
            assertEquals(ExitCode.OK, backup.code(), backup.err());
            assertTrue(backup.json().get("backup").get("verified").asBoolean());

            try (Connection immich = pg.superuserConnection("immich")) {
                CliRunner.Result refused = CliRunner.run("repair", url, "--yes", "--backup-dir", tmp.resolve("b").toString(),
                        "--journal-dir", tmp.resolve("j").toString());
                assertEquals(ExitCode.PROBLEMS, refused.code());
                assertTrue(refused.err().startsWith("dbmedic: refused, nothing was changed. 1 other session is connected"),
                        refused.err());
                assertTrue(refused.err().contains("Stop Immich"));
            }
            assertEquals("vectors:vector(512)", type(pg, "smart_search"));
            CliRunner.Result plan = CliRunner.run("repair", url, "--plan", "cleanup", "--dry-run", "--json",
                    "--journal-dir", tmp.resolve("j").toString());
            assertEquals(ExitCode.PROBLEMS, plan.code());
            assertEquals("still-pgvectors", plan.json().get("refusals").get(0).get("code").asText());
            assertFalse(plan.json().get("applied").asBoolean());
            CliRunner.Result unknown = CliRunner.run("repair", url, "--plan", "nope", "--dry-run");
            assertEquals(ExitCode.UNUSABLE, unknown.code());
        }
    }
}
