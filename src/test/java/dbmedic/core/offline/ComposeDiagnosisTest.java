package dbmedic.core.offline;

import static dbmedic.core.offline.Diagnoses.ids;
import static dbmedic.core.offline.Diagnoses.none;
import static dbmedic.core.offline.Diagnoses.one;
import static dbmedic.core.offline.Diagnoses.problems;
import static dbmedic.core.offline.Diagnoses.run;
import static dbmedic.core.offline.ImmichComposeFiles.DB_NEW_IMAGE_OLD_COMMAND;
import static dbmedic.core.offline.ImmichComposeFiles.DB_V1_132_3;
import static dbmedic.core.offline.ImmichComposeFiles.DB_V1_133_0;
import static dbmedic.core.offline.ImmichComposeFiles.DB_V1_137_0;
import static dbmedic.core.offline.ImmichComposeFiles.env;
import static dbmedic.core.offline.ImmichComposeFiles.folder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeDiagnosisTest {

    @TempDir
    Path tmp;

    @Test
    void releaseFilesWithTheirOwnVersionHaveNoErrors() throws Exception {
        Diagnosis v132 = run(folder(tmp, "v132", DB_V1_132_3, env("v1.132.3")));
        Diagnosis v133 = run(folder(tmp, "v133", DB_V1_133_0, env("v1.133.0")));
        Diagnosis v137 = run(folder(tmp, "v137", DB_V1_137_0, env("v1.137.0")));
        for (Diagnosis d : new Diagnosis[] {v132, v133, v137}) {
            assertEquals("immich", d.app().id());
            assertTrue(d.app().versionKnown(), () -> ids(d).toString());
            assertTrue(d.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), () -> ids(d).toString());
        }
        assertEquals("v1.133.0", v133.app().release());
        // v1.132.3's own command preloads vectors.so, which is what pgvecto.rs needs: not a finding.
        none(v132, "compose.command-override");
        // shm_size came with v1.137.0.
        one(v132, "compose.shm-size-missing");
        one(v133, "compose.shm-size-missing");
        assertTrue(problems(v137).isEmpty(), () -> ids(v137).toString());
        Finding image = one(v137, "compose.database-image");
        assertTrue(image.summary().contains("Postgres 14, VectorChord 0.4.3, pgvecto.rs 0.2.0"), image.summary());
        assertTrue(image.evidence().contains("digest"), image.evidence());
    }

    @Test
    void vectorChord04WithImmich134IsOutOfRange() throws Exception {
        Diagnosis d = run(folder(tmp, "main-compose", DB_V1_137_0, env("v1.134.0")));
        Finding f = one(d, "immich.image-out-of-range");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.cause().contains("The VectorChord extension version is 0.4.3, but Immich only supports >=0.3 <0.4."),
                f.cause());
        assertTrue(f.fix().summary().contains("v1.135.0"), f.fix().summary());
    }

    @Test
    void pgvectorsImageWithImmichV3FindsNoExtension() throws Exception {
        Diagnosis d = run(folder(tmp, "v3-old-db", DB_V1_132_3, env("v3.0.0")));
        Finding f = one(d, "immich.no-vector-extension");
        assertTrue(f.cause().contains("No vector extension found. Available extensions: vchord, vector"), f.cause());
        assertTrue(f.fix().summary().contains("ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0"),
                f.fix().summary());
        assertTrue(f.fix().summary().contains("v2.7.5"), f.fix().summary());
    }

    @Test
    void pgvectorsImageStillWorksWithImmich2() throws Exception {
        Diagnosis d = run(folder(tmp, "v2-old-db", DB_V1_132_3, env("v2.7.5")));
        none(d, "immich.no-vector-extension");
        none(d, "immich.image-out-of-range");
        none(d, "compose.command-override");
    }

    @Test
    void oldCommandOnNewImageIsTheExactFix() throws Exception {
        Diagnosis d = run(folder(tmp, "broken", DB_NEW_IMAGE_OLD_COMMAND, env("v1.133.0")));
        Finding f = one(d, "compose.command-override");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.evidence().contains("shared_preload_libraries=vectors.so"), f.evidence());
        assertTrue(f.evidence().contains("\"vectors.so\""), f.evidence());
        assertTrue(f.cause().contains("vchord must be loaded via shared_preload_libraries."), f.cause());
        assertTrue(f.fix().summary().startsWith("Remove `command:` and `healthcheck:` from the database service"),
                f.fix().summary());
    }

    @Test
    void commandKeepingTheConfigFileAndVchordIsFine() throws Exception {
        String db = DB_V1_137_0.replace("    restart: always",
                "    command: postgres -c config_file=/etc/postgresql/postgresql.conf -c shared_buffers=1GB\n    restart: always");
        Diagnosis d = run(folder(tmp, "tuned", db, env("v1.137.0")));
        none(d, "compose.command-override");
        String quotedOne = DB_V1_137_0.replace("    restart: always",
                "    command: [\"postgres\", \"-c\", \"shared_preload_libraries=\\\"vchord.so, vectors.so\\\"\"]\n    restart: always");
        Diagnosis q = run(folder(tmp, "quoted", quotedOne, env("v1.137.0")));
        Finding f = one(q, "compose.command-override");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.evidence().contains("\"vchord.so, vectors.so\""), f.evidence());
    }

    @Test
    void vchordOnlyImageWarnsAboutPgvectorsData() throws Exception {
        String db = DB_V1_137_0.replace("14-vectorchord0.4.3-pgvectors0.2.0@sha256:32324a2f41df5de9efe1af166b7008c3f55646f8d0e00d9550c16c9822366b4a",
                "18-vectorchord1.1.1-pgvector0.8.5");
        Diagnosis d = run(folder(tmp, "vchord-only", db, env("v3.1.0")));
        Finding f = one(d, "immich.image-without-pgvectors");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.cause().startsWith("If your database still has pgvecto.rs columns"), f.cause());
        assertTrue(f.cause().contains("could not access file \"$libdir/vectors\""), f.cause());
        none(d, "immich.image-out-of-range");
        Finding image = one(d, "compose.database-image");
        assertTrue(image.summary().contains("Postgres 18, VectorChord 1.1.1, pgvector 0.8.5"), image.summary());
    }

    @Test
    void pinnedExtensionIsReportedWithItsConsequence() throws Exception {
        Diagnosis pg = run(folder(tmp, "pin-pgvector", DB_V1_137_0, env("v1.137.0") + "DB_VECTOR_EXTENSION=pgvector\n"));
        Finding f = one(pg, "compose.vector-extension-pinned");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.cause().contains("must be owner of extension vchord"), f.cause());
        assertTrue(f.evidence().contains("in .env"), f.evidence());

        String viaEnvironment = ImmichComposeFiles.HEAD.replace("    env_file:\n      - .env\n    ports:",
                "    env_file:\n      - .env\n    environment:\n      DB_VECTOR_EXTENSION: pgvecto.rs\n    ports:");
        Path dir = folder(tmp, "pin-vectors", DB_V1_137_0, env("v1.137.0"));
        java.nio.file.Files.writeString(dir.resolve("docker-compose.yml"), viaEnvironment + DB_V1_137_0
                + ImmichComposeFiles.TAIL);
        Finding v = one(run(dir), "compose.vector-extension-pinned");
        assertTrue(v.summary().contains("keeps Immich on pgvecto.rs"), v.summary());
        assertTrue(v.evidence().contains("service `immich-server`"), v.evidence());
    }

    @Test
    void readOnlyAndMissingShmSize() throws Exception {
        String db = DB_V1_133_0.replace("    restart: always", "    read_only: true\n    restart: always");
        Diagnosis d = run(folder(tmp, "ro", db, env("v1.133.0")));
        assertEquals(Severity.ERROR, one(d, "compose.read-only").severity());
        assertEquals(Severity.WARNING, one(d, "compose.shm-size-missing").severity());
        String small = DB_V1_137_0.replace("shm_size: 128mb", "shm_size: 64m");
        assertTrue(one(run(folder(tmp, "small-shm", small, env("v1.137.0"))), "compose.shm-size-missing").summary()
                .contains("64m is below"));
        String big = DB_V1_137_0.replace("shm_size: 128mb", "shm_size: '1gb'");
        none(run(folder(tmp, "big-shm", big, env("v1.137.0"))), "compose.shm-size-missing");
    }

    @Test
    void passwordQuotedByAYamlErrorIsMasked() throws Exception {
        Path dir = folder(tmp, "leaky", DB_V1_137_0, env("v1.137.0"));
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  database:\n    image: postgres:16\n"
                + "    command: [\"-c\", \"password=" + ImmichComposeFiles.PASSWORD + "\"\n  x: {\n");
        Diagnosis d = run(dir);
        one(d, "compose.invalid-file");
        assertFalse(Diagnoses.text(d).contains(ImmichComposeFiles.PASSWORD), Diagnoses.text(d));
        Diagnosis ok = run(folder(tmp, "cmd-secret", DB_V1_137_0.replace("    restart: always",
                "    command: postgres -c shared_preload_libraries=vchord.so -c note=${DB_PASSWORD}\n    restart: always"),
                env("v1.137.0")));
        Finding cmd = one(ok, "compose.command-override");
        assertEquals(Severity.WARNING, cmd.severity());
        assertTrue(cmd.evidence().contains("-c note=****"), cmd.evidence());
        assertFalse(Diagnoses.text(ok).contains(ImmichComposeFiles.PASSWORD), Diagnoses.text(ok));
    }

    @Test
    void databaseImageOnTheServerService() throws Exception {
        String head = ImmichComposeFiles.HEAD.replace("ghcr.io/immich-app/immich-server:${IMMICH_VERSION:-release}",
                "ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0");
        Path dir = folder(tmp, "wrong", DB_V1_132_3, env("v1.133.0"));
        java.nio.file.Files.writeString(dir.resolve("docker-compose.yml"), head + DB_V1_132_3 + ImmichComposeFiles.TAIL);
        Diagnosis d = run(dir);
        Finding f = one(d, "compose.image-on-wrong-service");
        assertEquals("immich-server", f.subject());
        assertTrue(f.evidence().contains("tensorchord/pgvecto-rs:pg14-v0.2.0"), f.evidence());
        assertEquals("immich", d.app().id());
    }

    @Test
    void dbUrlMismatchNeverShowsThePassword() throws Exception {
        String env = env("v1.137.0") + "DB_URL=postgresql://postgres:" + ImmichComposeFiles.PASSWORD
                + "@immich_db:5432/photos?sslmode=require\n";
        Diagnosis d = run(folder(tmp, "url", DB_V1_137_0, env));
        none(d, "compose.db-url-mismatch"); // immich_db is no service: Immich's database is elsewhere
        one(d, "compose.no-database-service");

        String env2 = env("v1.137.0") + "DB_URL='postgresql://postgres:" + ImmichComposeFiles.PASSWORD
                + "@database:5432/photos?sslmode=require'\n";
        Diagnosis d2 = run(folder(tmp, "url2", DB_V1_137_0, env2));
        Finding f = one(d2, "compose.db-url-mismatch");
        assertTrue(f.evidence().contains("postgresql://postgres:****@database:5432/photos?sslmode=require"), f.evidence());
        assertTrue(f.evidence().contains("`photos` is not POSTGRES_DB `immich`"), f.evidence());
        assertTrue(f.evidence().contains("sslmode=require"), f.evidence());
        for (Diagnosis x : new Diagnosis[] {d, d2}) {
            assertFalse(Diagnoses.text(x).contains(ImmichComposeFiles.PASSWORD), Diagnoses.text(x));
        }
    }

    @Test
    void unpinnedVersionUsesTheNewestAndSaysSo() throws Exception {
        Diagnosis d = run(folder(tmp, "release", DB_V1_137_0, env("release")));
        Finding f = one(d, "immich.version-unknown");
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.evidence().contains("release"), f.evidence());
        assertFalse(d.app().versionKnown());
        assertEquals("immich", d.app().id());
        assertTrue(f.summary().contains("v3.0.0 – v3.1.0"), f.summary());

        // "v1" follows the newest 1.x release: VectorChord 0.4.3 is fine there, but not with v1.134's "<0.4".
        Diagnosis v1 = run(folder(tmp, "major-only", DB_V1_137_0, env("v1")));
        assertTrue(one(v1, "immich.version-unknown").summary().contains("v1.135.0 – v2.0.1"));
        none(v1, "immich.image-out-of-range");
    }

    @Test
    void malformedYamlIsAFindingNotAnException() throws Exception {
        Path dir = folder(tmp, "bad", DB_V1_137_0, env("v1.137.0"));
        java.nio.file.Files.writeString(dir.resolve("docker-compose.yml"),
                "services:\n  database:\n    image: postgres:16\n   environment:\n      A: b\n");
        Diagnosis d = run(dir);
        Finding f = one(d, "compose.invalid-file");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.evidence().startsWith("docker-compose.yml: line 4"), f.evidence());
        assertFalse(f.evidence().contains("\tat "), f.evidence());

        Path badEnv = folder(tmp, "bad-env", DB_V1_137_0, env("v1.137.0") + "DB PASSWORD=x\n");
        Finding e = one(run(badEnv), "compose.invalid-file");
        assertEquals(".env", e.subject());
        assertTrue(e.evidence().contains("line 20: unexpected character \" \" in variable name"), e.evidence());
    }

    @Test
    void unsetVariablesAreNamed() throws Exception {
        Diagnosis d = run(folder(tmp, "noenv", DB_V1_137_0, null));
        Finding f = one(d, "compose.variable-not-set");
        assertTrue(f.evidence().contains("The \"DB_DATA_LOCATION\" variable is not set."), f.evidence());
        one(d, "immich.version-unknown");
    }

    @Test
    void boundDataDirectoryIsCheckedToo() throws Exception {
        Path dir = folder(tmp, "with-data", DB_V1_137_0, env("v1.137.0"));
        Diagnosis before = run(dir);
        assertTrue(one(before, "compose.data-directory").summary().contains("not found"));
        Files.createDirectories(dir.resolve("postgres"));
        assertTrue(one(run(dir), "compose.data-directory").summary().contains("holds no PG_VERSION"));

        Path data = DataDirs.create(dir, "postgres", 14);
        Files.delete(data.resolve("postgresql.conf"));
        DataDirs.write(data, "postmaster.opts",
                "/usr/lib/postgresql/14/bin/postgres \"-c\" \"config_file=/etc/postgresql/postgresql.conf\"\n");
        DataDirs.write(data, "postgresql.auto.conf", DataDirs.AUTO_HEADER + "shared_preload_libraries = '\"vectors.so\"'\n");
        DataDirs.write(data, "pg_hba.conf", DataDirs.HBA_INITDB);
        Diagnosis d = run(dir);
        assertTrue(one(d, "compose.data-directory").summary().contains("was checked too"));
        Finding pre = one(d, "postgres.preload-missing");
        assertEquals(Severity.ERROR, pre.severity()); // the compose file says Immich uses VectorChord
        assertTrue(pre.evidence().contains("/var/lib/postgresql/data/postgresql.auto.conf line 3"), pre.evidence());
        one(d, "postgres.no-hba-entry");
        one(d, "postgres.config-outside-copy");
    }

    @Test
    void postgres18LayoutIsFollowedBelowTheMount() throws Exception {
        String db = DB_V1_137_0.replace("14-vectorchord0.4.3-pgvectors0.2.0@sha256:32324a2f41df5de9efe1af166b7008c3f55646f8d0e00d9550c16c9822366b4a",
                "18-vectorchord0.5.3-pgvectors0.2.0").replace(":/var/lib/postgresql/data", ":/var/lib/postgresql");
        Path dir = folder(tmp, "pg18", db, env("v2.7.5"));
        Path data = DataDirs.create(dir, "postgres/18/docker", 18);
        DataDirs.write(data, "pg_hba.conf", DataDirs.HBA_INITDB);
        Diagnosis d = run(dir);
        assertTrue(one(d, "compose.data-directory").summary().contains("./postgres/18/docker was checked too"),
                one(d, "compose.data-directory").summary());
        Finding hba = one(d, "postgres.no-hba-entry");
        assertEquals("/var/lib/postgresql/18/docker/pg_hba.conf", hba.subject());
    }
}
