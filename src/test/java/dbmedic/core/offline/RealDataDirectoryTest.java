package dbmedic.core.offline;

import static dbmedic.core.offline.Diagnoses.none;
import static dbmedic.core.offline.Diagnoses.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data directories made by a real initdb and server start (PostgreSQL 14 and 17): what the
 * offline reading says must be what the running server said about itself.
 */
class RealDataDirectoryTest {

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void offlineReadingAgreesWithTheServer(int major) throws Exception {
        try (PgServer pg = PgServer.builder(major)
                .autoConf("shared_preload_libraries = '\"vectors.so\"'")
                .serverConfig("shared_preload_libraries", "vchord.so")
                .start()) {
            String live = pg.queryValue("postgres", "SELECT setting || '|' || source FROM pg_settings "
                    + "WHERE name = 'shared_preload_libraries'");
            String autoLine = pg.queryValue("postgres", "SELECT sourceline FROM pg_file_settings "
                    + "WHERE name = 'shared_preload_libraries' AND sourcefile LIKE '%postgresql.auto.conf'");
            int rules = Integer.parseInt(pg.queryValue("postgres", "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NULL"));
            assertEquals("vchord.so|command line", live);
            pg.stop();

            Path data = pg.dataDirectory();
            var before = OfflineWritesNothingTest.snapshot(data);
            Diagnosis d = Diagnoses.run(data);
            Finding info = one(d, "postgres.data-directory");
            assertEquals("PostgreSQL " + major + " data directory", info.summary());
            none(d, "postgres.conf-error");
            none(d, "postgres.copied-while-running");
            Finding pre = one(d, "postgres.preload");
            assertEquals(Severity.OK, pre.severity());
            assertTrue(pre.evidence().startsWith("shared_preload_libraries = 'vchord.so' from the server's command line"),
                    pre.evidence());
            assertTrue(pre.evidence().contains("overrides '\"vectors.so\"' at "), pre.evidence());
            assertTrue(pre.evidence().contains("/postgresql.auto.conf line " + autoLine), pre.evidence());
            // initdb's pg_hba.conf has no line for a Docker bridge address.
            Finding hba = one(d, "postgres.no-hba-entry");
            assertTrue(hba.evidence().endsWith(rules + " rules read from " + hba.subject()), hba.evidence());
            assertTrue(hba.fix().summary().contains("host all all all scram-sha-256"), hba.fix().summary());
            Finding local = one(Diagnoses.run(data, OfflineOptions.defaults().withClient("127.0.0.1", "immich", "postgres")),
                    "postgres.hba-rule");
            assertTrue(local.evidence().contains("127.0.0.1/32"), local.evidence());
            assertEquals(before, OfflineWritesNothingTest.snapshot(data), "diagnosis changed the data directory");
        }
    }

    @org.junit.jupiter.api.Test
    void realStandbyCopyIsAReplica() throws Exception {
        try (PgServer primary = PgServer.start(17)) {
            PgServer standby = primary.standby();
            assertEquals("t", standby.queryValue("postgres", "SELECT pg_is_in_recovery()"));
            standby.stop();
            Finding f = one(Diagnoses.run(standby.dataDirectory()), "postgres.replica");
            assertEquals(Severity.WARNING, f.severity());
            assertTrue(f.evidence().contains("primary_conninfo is set"), f.evidence());
        }
    }
}
