package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * backup, repair, verify and restore of a live Immich database with {@code --ssh}: every
 * connection, the local pg_dump's included, goes through the tunnel; {@code --db-container}
 * runs pg_dump in the database container on the server (a stand-in docker script that runs
 * this machine's pg_dump 15 against the PostgreSQL 14 test server, as the container would).
 */
@Timeout(600)
class CliPostgresOverSshTest {
    private static PgServer pg;
    private static ImmichDatabase immich;
    @TempDir
    Path dir;
    private SshTestServer ssh;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
        immich = ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).clipDimension(512)
                .rows(800).create();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void stopSsh() {
        if (ssh != null) {
            ssh.close();
        }
    }

    private void startSsh(boolean withDocker) throws Exception {
        SshTestServer.Builder b = SshTestServer.builder();
        if (withDocker) {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path docker = bin.resolve("docker");
            Files.writeString(docker, "#!/bin/sh\n"
                    + "[ \"$1\" = exec ] && [ \"$2\" = immich_postgres ] || { echo \"Error response from daemon: No such container: $2\" >&2; exit 1; }\n"
                    + "shift 2; cmd=$1; shift\n"
                    + "PGPASSWORD=" + PgServer.SUPERUSER_PASSWORD + " exec \"$cmd\" -h 127.0.0.1 -p " + pg.port() + " \"$@\"\n");
            Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
            b.bin(bin);
        }
        ssh = b.start();
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
    }

    private String url() {
        return pg.postgresUrl("postgres", immich.name());
    }

    private String[] args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of("--ssh", ssh.destination(), "--ssh-key", SshTestServer.key("id_ed25519").toString(),
                "--known-hosts", dir.resolve("known_hosts").toString(), "--ssh-config", dir.resolve("no-config").toString()));
        return all.toArray(String[]::new);
    }

    private static List<String> remoteLines(CliRunner.Result r) {
        return r.err().lines().filter(l -> l.startsWith("Running on ")).toList();
    }

    @Test
    void backupWithPgDumpInTheContainerStreamsTheDumpBackAndVerifiesIt() throws Exception {
        startSsh(true);
        CliRunner.Result r = CliRunner.run(args("backup", url(), "--db-container", "immich_postgres",
                "--to", dir.resolve("backups").toString(), "--json"));
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode b = r.json().get("backup");
        assertTrue(b.get("verified").asBoolean(), r.out());
        Path dump = Path.of(b.get("dumpFile").asText());
        assertTrue(Files.size(dump) > 0);
        List<String> remote = remoteLines(r);
        assertEquals(1, remote.size(), remote.toString());
        assertTrue(remote.get(0).matches("Running on " + java.util.regex.Pattern.quote(ssh.destination())
                + ": docker exec immich_postgres pg_dump -Fc -U postgres '?--snapshot=[0-9A-F-]+'? -- " + immich.name()), remote.get(0));
        // The same moment as the COPY files: pg_dump in the container imported the backup's snapshot.
        assertTrue(b.get("dumpNote").asText().contains("same snapshot as the vector tables"), b.get("dumpNote").asText());
        Process list = new ProcessBuilder("pg_restore", "--list", dump.toString()).redirectErrorStream(true).start();
        String toc = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), toc);
        assertTrue(toc.contains("TABLE DATA public smart_search"), toc);
        assertFalse(r.err().contains(PgServer.SUPERUSER_PASSWORD) || r.out().contains(PgServer.SUPERUSER_PASSWORD));
    }

    @Test
    void aMissingContainerFailsTheBackupAndSaysWhy() throws Exception {
        startSsh(true);
        CliRunner.Result r = CliRunner.run(args("backup", url(), "--db-container", "immich_db",
                "--to", dir.resolve("backups").toString(), "--json"));
        // The vector tables' COPY files are still made and verified; the note says why there is no dump.
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode b = r.json().get("backup");
        assertTrue(b.get("verified").asBoolean(), r.out());
        assertTrue(b.get("dumpFile").isNull(), r.out());
        assertTrue(b.get("dumpNote").asText().contains("No such container: immich_db"), r.out());
    }

    @Test
    void repairThroughTheTunnelIsLosslessAndVerifyAgrees() throws Exception {
        startSsh(false);
        String rows = pg.queryValue(immich.name(), "SELECT count(*) FROM face_search");
        CliRunner.Result r = CliRunner.run(args("repair", url(), "--yes", "--backup-dir", dir.resolve("b").toString(),
                "--journal-dir", dir.resolve("j").toString(), "--json"));
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.json().get("applied").asBoolean());
        assertTrue(r.json().get("verify").get("lossless").asBoolean(), r.out());
        assertTrue(r.err().contains("Connecting over SSH to " + ssh.destination()), r.err());
        assertEquals("vector(512)", pg.queryValue(immich.name(),
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'smart_search'::regclass"
                        + " AND attname = 'embedding'"));
        assertEquals(rows, pg.queryValue(immich.name(), "SELECT count(*) FROM face_search"));

        CliRunner.Result verify = CliRunner.run(args("verify", url(), "--backup",
                r.json().get("backup").get("folder").asText(), "--json"));
        assertEquals(ExitCode.OK, verify.code(), verify.out() + verify.err());
        assertTrue(verify.json().get("verify").get("lossless").asBoolean());
    }

    @Test
    void restoreThroughTheTunnelBringsLostRowsBack() throws Exception {
        startSsh(false);
        CliRunner.Result backup = CliRunner.run(args("backup", url(), "--to", dir.resolve("backups").toString(), "--json"));
        assertEquals(ExitCode.OK, backup.code(), backup.err());
        // The local pg_dump went through the tunnel too: a dump was made and no remote command ran.
        assertFalse(backup.json().get("backup").get("dumpFile").isNull(), backup.out());
        assertEquals(List.of(), remoteLines(backup));
        String folder = backup.json().get("backup").get("folder").asText();
        String before = immich.checksum("smart_search");
        pg.execute(immich.name(), "DELETE FROM smart_search WHERE \"assetId\" IN (SELECT \"assetId\" FROM smart_search LIMIT 50)");
        assertFalse(before.equals(immich.checksum("smart_search")));

        CliRunner.Result restore = CliRunner.run(args("restore", url(), "--backup", folder, "--backup-dir", dir.resolve("before").toString(), "--yes"));
        assertEquals(ExitCode.OK, restore.code(), restore.out() + restore.err());
        assertEquals(before, immich.checksum("smart_search"));
    }

    @Test
    void sshOptionsAreRefusedWhereTheyCannotApply() throws Exception {
        Path sqlite = dir.resolve("app.db");
        Files.write(sqlite, new byte[0]);
        startSsh(false);
        CliRunner.Result file = CliRunner.run(args("backup", sqlite.toString()));
        assertEquals(ExitCode.UNUSABLE, file.code(), file.err());
        assertTrue(file.err().contains("--ssh reaches a postgresql:// URL"), file.err());
        CliRunner.Result noSsh = CliRunner.run("backup", url(), "--db-container", "immich_postgres");
        assertEquals(ExitCode.UNUSABLE, noSsh.code(), noSsh.err());
        assertTrue(noSsh.err().contains("give --ssh too"), noSsh.err());
        assertEquals(0, ssh.authAttempts(), "no SSH login for input refused up front");
    }
}
