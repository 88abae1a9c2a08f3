package dbmedic.core.offline;

import static dbmedic.core.offline.Diagnoses.ids;
import static dbmedic.core.offline.Diagnoses.none;
import static dbmedic.core.offline.Diagnoses.one;
import static dbmedic.core.offline.Diagnoses.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.UnusableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryDiagnosisTest {

    private static final String PGDATA = "/var/lib/postgresql/data";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void includeChainLaterSettingWins(int major) throws Exception {
        Path d = DataDirs.create(tmp, "pg" + major, major);
        DataDirs.write(d, "postgresql.conf", """
                shared_preload_libraries = 'vectors.so'   # set by the old setup
                include_if_exists 'missing.conf'
                include 'tuning/main.conf'
                """);
        DataDirs.write(d, "tuning/main.conf", "include_dir 'conf.d'\nshared_buffers = 512MB\n");
        DataDirs.write(d, "tuning/conf.d/10-vector.conf", "shared_preload_libraries = 'vectors.so'\n");
        DataDirs.write(d, "tuning/conf.d/20-vchord.conf", "# migration\nshared_preload_libraries = 'vchord.so, vectors.so'\n");
        DataDirs.write(d, "tuning/conf.d/.hidden.conf", "shared_preload_libraries = 'nothing.so'\n");
        Diagnosis diag = run(d);
        assertEquals("PostgreSQL " + major + " data directory", one(diag, "postgres.data-directory").summary());
        Finding pre = one(diag, "postgres.preload");
        assertTrue(pre.evidence().startsWith("shared_preload_libraries = 'vchord.so, vectors.so' from "
                + PGDATA + "/tuning/conf.d/20-vchord.conf line 2"), pre.evidence());
        assertTrue(pre.evidence().contains("overrides 'vectors.so' at " + PGDATA + "/postgresql.conf line 1"), pre.evidence());
        assertTrue(pre.evidence().contains("libraries: \"vchord.so\", \"vectors.so\""), pre.evidence());
        none(diag, "postgres.preload-missing");
        none(diag, "postgres.preload-invalid");
        none(diag, "postgres.conf-error");
        assertEquals(Severity.OK, one(diag, "postgres.hba-rule").severity());
    }

    @Test
    void autoConfLeftoverOverridesPostgresqlConf() throws Exception {
        Path d = DataDirs.create(tmp, "auto", 14);
        DataDirs.write(d, "postgresql.conf", "shared_preload_libraries = 'vchord.so'\n");
        DataDirs.write(d, "postgresql.auto.conf", DataDirs.AUTO_HEADER + "shared_preload_libraries = '\"vectors.so\"'\n");
        Diagnosis diag = run(d);
        Finding f = one(diag, "postgres.preload-missing");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.evidence().contains(PGDATA + "/postgresql.auto.conf line 3 (written by an earlier ALTER SYSTEM"),
                f.evidence());
        assertTrue(f.evidence().contains("overrides 'vchord.so' at " + PGDATA + "/postgresql.conf line 1"), f.evidence());
        assertTrue(f.fix().summary().startsWith("Delete the shared_preload_libraries line from postgresql.auto.conf"),
                f.fix().summary());
    }

    @Test
    void oneQuotedLibraryWithACommaStopsTheServer() throws Exception {
        Path d = DataDirs.create(tmp, "quoted", 17);
        DataDirs.write(d, "postgresql.auto.conf",
                DataDirs.AUTO_HEADER + "shared_preload_libraries = '\"vchord.so, vectors.so\"'\n");
        Finding f = one(run(d), "postgres.preload-invalid");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.cause().contains("FATAL:  could not access file \"vchord.so, vectors.so\": No such file or directory"),
                f.cause());
    }

    @Test
    void pg17ImmichImageCommandLine() throws Exception {
        Path d = DataDirs.create(tmp, "pg17", 17);
        Files.delete(d.resolve("postgresql.conf")); // the image keeps it in /etc/postgresql
        DataDirs.write(d, "postmaster.opts",
                "/usr/lib/postgresql/17/bin/postgres \"-c\" \"config_file=/etc/postgresql/postgresql.conf\"\n");
        Diagnosis clean = run(d);
        one(clean, "postgres.config-outside-copy");
        none(clean, "postgres.conf-error");
        none(clean, "postgres.preload-missing");
        none(clean, "postgres.preload");

        DataDirs.write(d, "postmaster.opts", "/usr/lib/postgresql/17/bin/postgres \"-c\" "
                + "\"shared_preload_libraries=vectors.so\" \"-c\" \"search_path=\"$user\", public, vectors\"\n");
        Diagnosis cmd = run(d);
        Finding f = one(cmd, "postgres.preload-missing");
        assertTrue(f.evidence().contains("from the server's command line (postmaster.opts"), f.evidence());
        assertTrue(f.fix().summary().startsWith("Remove `command:`"), f.fix().summary());
    }

    @Test
    void standbySignalIsAReplicaCopy() throws Exception {
        Path d = DataDirs.create(tmp, "standby", 16);
        Files.writeString(d.resolve("standby.signal"), "");
        DataDirs.write(d, "postgresql.auto.conf", DataDirs.AUTO_HEADER
                + "primary_conninfo = 'user=replicator host=primary port=5432'\n");
        Finding f = one(run(d), "postgres.replica");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.evidence().contains("primary_conninfo is set"), f.evidence());
    }

    @Test
    void hbaWithoutTheDockerLineGivesTheLineToAdd() throws Exception {
        Path d = DataDirs.create(tmp, "upgraded", 17);
        DataDirs.write(d, "pg_hba.conf", DataDirs.HBA_INITDB);
        Diagnosis diag = run(d, OfflineOptions.defaults().withClient("172.16.2.5", "immich", "immich"));
        Finding f = one(diag, "postgres.no-hba-entry");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.evidence().startsWith(
                "no pg_hba.conf entry for host \"172.16.2.5\", user \"immich\", database \"immich\", no encryption"),
                f.evidence());
        assertTrue(f.fix().summary().contains("host all all all scram-sha-256"), f.fix().summary());
        none(diag, "postgres.hba-rule");

        DataDirs.write(d, "postgresql.conf", "password_encryption = md5\n");
        Finding md5 = one(run(d), "postgres.no-hba-entry");
        assertTrue(md5.fix().summary().contains("host all all all md5"), md5.fix().summary());
    }

    @Test
    void hbaRuleFromAnIncludedFileOn16() throws Exception {
        Path d = DataDirs.create(tmp, "hba16", 16);
        DataDirs.write(d, "pg_hba.conf", DataDirs.HBA_INITDB + "include_dir hba.d\n");
        DataDirs.write(d, "hba.d/docker.conf", "host immich all 172.18.0.0/16 scram-sha-256\n");
        Finding f = one(run(d), "postgres.hba-rule");
        assertEquals(Severity.OK, f.severity());
        assertTrue(f.evidence().contains(PGDATA + "/hba.d/docker.conf\" line 1"), f.evidence());
        Finding other = one(run(d, OfflineOptions.defaults().withClient("10.0.0.7", "immich", "postgres")),
                "postgres.no-hba-entry");
        assertTrue(other.evidence().contains("host \"10.0.0.7\""), other.evidence());
    }

    @Test
    void rejectLineIsAnError() throws Exception {
        Path d = DataDirs.create(tmp, "reject", 15);
        DataDirs.write(d, "pg_hba.conf", "host all all 172.16.0.0/12 reject\nhost all all all scram-sha-256\n");
        Finding f = one(run(d), "postgres.no-hba-entry");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.summary().contains("rejects"), f.summary());
    }

    @Test
    void confAndHbaParseErrorsNameFileAndLine() throws Exception {
        Path d = DataDirs.create(tmp, "broken", 14);
        DataDirs.write(d, "postgresql.conf", "max_connections = 100\nshared_preload_libraries = vchord.so, vectors.so\n");
        DataDirs.write(d, "pg_hba.conf", DataDirs.HBA_DOCKER + "host all all 172.18.0.0/33 md5\n");
        Diagnosis diag = run(d);
        Finding conf = one(diag, "postgres.conf-error");
        assertEquals(PGDATA + "/postgresql.conf line 2", conf.subject());
        assertTrue(conf.summary().startsWith("PostgreSQL would refuse to start: syntax error in file"), conf.summary());
        Finding hba = one(diag, "postgres.hba-invalid");
        assertTrue(hba.subject().endsWith("/pg_hba.conf:" + (DataDirs.HBA_DOCKER.split("\n").length + 1)), hba.subject());
    }

    @Test
    void notADataDirectoryIsOneLine() throws Exception {
        Path d = DataDirs.create(tmp, "notpg", 14);
        Files.writeString(d.resolve("PG_VERSION"), "hello\n");
        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new OfflineDiagnoser().diagnose(new DataDirectoryTarget(d), OfflineOptions.defaults(), null));
        assertTrue(e.getMessage().contains("PG_VERSION does not hold a version number"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        assertThrows(UnusableInputException.class, () -> new OfflineDiagnoser().diagnose(new DataDirectoryTarget(d),
                OfflineOptions.defaults().withClient("not-an-ip", "immich", "postgres"), null));
    }

    @Test
    void detectsFoldersByTheirFiles() throws Exception {
        Path pg = DataDirs.create(tmp, "detect-pg", 14);
        assertTrue(OfflineFolders.detect(pg).orElseThrow() instanceof DataDirectoryTarget);
        for (String name : new String[] {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"}) {
            Path c = Files.createDirectories(tmp.resolve("detect-" + name));
            Files.writeString(c.resolve(name), "services: {}\n");
            ComposeFolderTarget t = (ComposeFolderTarget) OfflineFolders.detect(c).orElseThrow();
            assertEquals(name, t.composeFile().getFileName().toString());
            assertEquals("postgresql", t.engine());
        }
        assertTrue(OfflineFolders.detect(Files.createDirectories(tmp.resolve("empty"))).isEmpty());
        assertTrue(OfflineFolders.detect(pg.resolve("PG_VERSION")).isEmpty());
        assertTrue(OfflineFolders.detect(tmp.resolve("missing")).isEmpty());
        assertTrue(ids(run(pg)).contains("postgres.data-directory/info"));
    }
}
