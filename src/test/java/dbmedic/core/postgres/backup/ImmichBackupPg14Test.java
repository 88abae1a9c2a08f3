package dbmedic.core.postgres.backup;

import static dbmedic.core.postgres.backup.BackupFixtures.assertNoFileContains;
import static dbmedic.core.postgres.backup.BackupFixtures.assertSameContent;
import static dbmedic.core.postgres.backup.BackupFixtures.checksum;
import static dbmedic.core.postgres.backup.BackupFixtures.entries;
import static dbmedic.core.postgres.backup.BackupFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.ImmichDatabase.VectorExtension;
import dbmedic.pgtest.PgServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a pgvecto.rs-era Immich database (768 dimensions, thousands of rows) on PostgreSQL
 * 14, where this computer's pg_dump 15 is compatible: the whole-database dump is made and
 * checked with pg_restore --list, beside the COPY files of the vector tables.
 */
class ImmichBackupPg14Test {
    private static final int ROWS = 3000;
    private static PgServer pg;
    private static ImmichDatabase immich;
    private static PgTools localTools;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(14).scramAuthentication().start();
        immich = ImmichDatabase.on(pg).name("immich").immichVersion("1.132.3").extension(VectorExtension.PGVECTORS)
                .clipDimension(768).rows(ROWS).create();
        localTools = new PgDumpLocator().find(14).orElseThrow(() -> new AssertionError(
                "the test machine needs a pg_dump of at least 14 (docs/testing-postgres.md)"));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private PgSession session(String database) throws Exception {
        return BackupFixtures.session(pg, database, PgServer.SUPERUSER_PASSWORD, dir.resolve("home"));
    }

    @Test
    void backupHasAVerifiedPgDumpAndTheVectorTablesWithTableChecksums() throws Exception {
        PgBackupResult r;
        try (PgSession s = session("immich")) {
            r = new ImmichBackup().backUp(s, dir.resolve("backups"), Progress.NONE);
        }
        assertTrue(r.verified());
        assertTrue(r.folder().getFileName().toString().matches("immich-immich-\\d{8}-\\d{6}"), r.folder().toString());
        assertEquals(List.of(r.folder()), entries(dir.resolve("backups")), "only the finished folder, no .partial");
        assertEquals("1.132.3", r.immichVersion());
        assertTrue(r.serverVersion().startsWith("14."), r.serverVersion());

        Path dump = r.dumpFile().orElseThrow(() -> new AssertionError("no dump: " + r.dumpNote()));
        assertTrue(Files.size(dump) > 0);
        DumpToc toc = PgDumpRunner.list(localTools, dump, Progress.NONE);
        assertTrue(toc.hasDataOf("smart_search") && toc.hasDataOf("face_search"), toc.tableData().toString());
        assertTrue(r.dumpNote().contains("pg_restore --list reads " + toc.entries() + " entries"), r.dumpNote());
        assertTrue(r.dumpNote().contains("from the same snapshot as the vector tables"), r.dumpNote());
        PgBackupManifest manifest = ImmichBackup.manifestOf(r.folder());
        assertEquals(toc.entries(), manifest.dump().tocEntries());
        assertFalse(manifest.target().contains("secret"));

        // The manifest's checksums are exactly TableChecksums.of for the same tables.
        for (String table : List.of("smart_search", "face_search")) {
            TableSnapshot live = checksum(pg, "immich", table);
            TableSnapshot backedUp = r.table(table).orElseThrow();
            assertEquals(ROWS, backedUp.rows());
            assertSameContent(live, backedUp);
            assertTrue(live.sameContent(backedUp));
        }
        assertEquals("vectors.vector(768)", manifest.tables().get(0).qualifiedType());
        assertEquals("vectors", manifest.tables().get(0).typeExtension());
        assertEquals("EXTERNAL", manifest.tables().get(0).storage());
        String ddl = Files.readString(r.ddlFile("smart_search"));
        assertTrue(ddl.contains("CREATE INDEX clip_index ON public.smart_search USING vectors (embedding vectors.vector_cos_ops)"), ddl);
        assertTrue(ddl.contains("PRIMARY KEY (\"assetId\")"), ddl);

        // The COPY file holds the key and the embedding as real[] text, one row per line.
        try (InputStream in = new GZIPInputStream(Files.newInputStream(r.dataFile("smart_search")))) {
            String first = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            assertTrue(first.matches("(?s)[0-9a-f-]{36}\t\\{.*"), first);
        }
        PgBackupResult read = ImmichBackup.read(r.folder());
        assertEquals(r, read);
        assertTrue(new ImmichBackup().verify(r.folder(), Progress.NONE).verified());
    }

    @Test
    void thePasswordReachesPgDumpOnlyThroughItsEnvironmentAndIsNeverWritten() throws Exception {
        Path log = dir.resolve("pg_dump.log");
        Path wrappers = BackupFixtures.scripts(dir.resolve("wrappers"),
                "printf '%s\\n' \"$@\" >> '" + log + "'\n"
                        + "[ \"$PGPASSWORD\" = '" + PgServer.SUPERUSER_PASSWORD + "' ] && echo 'PGPASSWORD given' >> '" + log + "'\n"
                        + "exec '" + localTools.pgDump() + "' \"$@\"",
                "exec '" + localTools.pgRestore() + "' \"$@\"");
        BackupFixtures.Recorder progress = new BackupFixtures.Recorder();
        PgBackupResult r;
        try (PgSession s = session("immich")) {
            r = new ImmichBackup(null, new PgDumpLocator(List.of(wrappers))).backUp(s, dir.resolve("backups"), progress);
        }
        assertTrue(r.dumpFile().isPresent(), r.dumpNote());
        String logged = Files.readString(log);
        assertTrue(logged.contains("--format=custom") && logged.contains("--username=postgres"), logged);
        assertTrue(logged.contains("--snapshot="), logged);
        assertTrue(logged.contains("PGPASSWORD given"), "pg_dump got the password in its environment: " + logged);
        assertFalse(logged.replace("PGPASSWORD given", "").contains(PgServer.SUPERUSER_PASSWORD), "an argument holds the password");
        assertNoFileContains(r.folder(), PgServer.SUPERUSER_PASSWORD);
        assertFalse(r.toString().contains(PgServer.SUPERUSER_PASSWORD));
        assertFalse(String.join("\n", progress.messages).contains(PgServer.SUPERUSER_PASSWORD));
    }

    @Test
    void aFailingPgDumpShowsItsErrorButNeverThePassword() throws Exception {
        String wrong = "wrong-secret-4711";
        try (PgSession s = BackupFixtures.session(pg, "immich", wrong, dir.resolve("home"))) {
            assertThrows(UnusableInputException.class, () -> s.readOnly("test").close());
            Path file = dir.resolve("immich.dump");
            DumpFailedException e = assertThrows(DumpFailedException.class,
                    () -> new PgDumpRunner(s, localTools).dumpTo(file, Progress.NONE));
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
            assertFalse(e.getMessage().contains(wrong));
            assertEquals(List.of(), entries(dir).stream().filter(p -> p.getFileName().toString().contains("dump")).toList());
        }
    }

    @Test
    void verifyCatchesAChangedByteAndARecompressedEditedCopyFile() throws Exception {
        PgBackupResult r;
        try (PgSession s = session("immich")) {
            r = new ImmichBackup().backUp(s, dir, Progress.NONE);
        }
        ImmichBackup backup = new ImmichBackup();
        assertTrue(backup.check(r.folder(), Progress.NONE).ok());

        // A valid gzip of edited rows: only the content checksum can tell.
        Path faces = r.dataFile("face_search");
        byte[] text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(faces))) {
            text = in.readAllBytes();
        }
        String edited = new String(text, StandardCharsets.UTF_8).replaceFirst("\\{-?0\\.", "{0.9");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        byte[] original = Files.readAllBytes(faces);
        Files.write(faces, gz.toByteArray());
        BackupCheck check = backup.check(r.folder(), Progress.NONE);
        assertFalse(check.ok());
        assertFalse(check.result().verified());
        assertTrue(check.problems().stream().anyMatch(p -> p.contains("face_search.copy.gz holds " + ROWS + " rows with checksum")),
                check.problems().toString());

        // One flipped byte in the middle of the compressed file.
        Files.write(faces, original);
        assertTrue(backup.check(r.folder(), Progress.NONE).ok());
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(faces, flipped);
        check = backup.check(r.folder(), Progress.NONE);
        assertFalse(check.ok());
        assertTrue(check.problems().stream().anyMatch(p -> p.startsWith("face_search.copy.gz")), check.problems().toString());
        assertFalse(backup.verify(r.folder(), Progress.NONE).verified());
    }

    @Test
    void aCancelledBackupLeavesNothingBehind() throws Exception {
        Path parent = dir.resolve("backups");
        try (PgSession s = session("immich")) {
            BackupFixtures.Recorder cancelMidCopy = new BackupFixtures.Recorder(m -> m.equals("Copying smart_search"));
            assertThrows(CancelledException.class, () -> new ImmichBackup().backUp(s, parent, cancelMidCopy));
            assertEquals(List.of(), entries(parent));

            // pg_dump that hangs after writing a little: cancel kills it and nothing stays.
            Path hanging = BackupFixtures.scripts(dir.resolve("hanging"),
                    "[ \"$1\" = --version ] && { echo 'pg_dump (PostgreSQL) 15.0'; exit 0; }\n"
                            + "for a in \"$@\"; do case \"$a\" in --file=*) f=\"${a#--file=}\";; esac; done\n"
                            + "printf 'PGDMP partial' > \"$f\"\nexec sleep 600",
                    "[ \"$1\" = --version ] && { echo 'pg_restore (PostgreSQL) 15.0'; exit 0; }\nexit 1");
            BackupFixtures.Recorder cancelMidDump = new BackupFixtures.Recorder(m -> m.startsWith("pg_dump: "));
            assertThrows(CancelledException.class,
                    () -> new ImmichBackup(null, new PgDumpLocator(List.of(hanging))).backUp(s, parent, cancelMidDump));
            assertEquals(List.of(), entries(parent));
            assertTrue(ProcessHandle.current().descendants().noneMatch(ph -> ph.info().command().orElse("").endsWith("sleep")),
                    "the hanging pg_dump was stopped");
        }
    }

    @Test
    void anInterruptedBackupNeverLooksComplete() throws Exception {
        Path parent = dir.resolve("backups");
        Path[] seen = new Path[1];
        DumpSource crashing = (file, progress) -> {
            try {
                seen[0] = file.getParent();
                assertEquals(List.of(seen[0]), entries(parent));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            // What a half-written backup looks like to anyone reading it at this moment.
            NotABackupException e = assertThrows(NotABackupException.class, () -> ImmichBackup.read(seen[0]));
            assertTrue(e.getMessage().contains("unfinished backup"), e.getMessage());
            throw new IllegalStateException("disk unplugged");
        };
        try (PgSession s = session("immich")) {
            assertThrows(IllegalStateException.class, () -> new ImmichBackup(crashing).backUp(s, parent, Progress.NONE));
        }
        assertTrue(seen[0].getFileName().toString().endsWith(".partial"), seen[0].toString());
        assertEquals(List.of(), entries(parent));

        Path notABackup = Files.createDirectories(dir.resolve("photos"));
        NotABackupException e = assertThrows(NotABackupException.class, () -> ImmichBackup.read(notABackup));
        assertTrue(e.getMessage().contains("is not a DB Medic PostgreSQL backup"), e.getMessage());
        Files.writeString(notABackup.resolve("manifest.json"), "{\"name\": \"something else\"}");
        assertThrows(NotABackupException.class, () -> ImmichBackup.read(notABackup));
    }

    @Test
    void theBackupSessionIsReadOnlyWithoutTheDiagnosisTimeouts() throws Exception {
        try (PgSession s = session("immich"); java.sql.Connection c = ImmichBackup.readOnlyWithoutTimeout(s);
             java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertEquals("0", rs.getString(1));
            }
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                    () -> st.execute("DELETE FROM smart_search"));
            assertTrue(e.getMessage().contains("read-only transaction"), e.getMessage());
        }
        assertEquals(ROWS, checksum(pg, "immich", "smart_search").rows());
    }

    @Test
    void rowsAreStreamedNotHeldInMemory() throws Exception {
        // The COPY text of smart_search alone (6000 x 768 values) is over 24 MiB: a 16 MiB heap
        // can back it up and restore it only if rows are streamed.
        int rows = 6000;
        ImmichDatabase.on(pg).name("immich_big").immichVersion("1.132.3").extension(VectorExtension.PGVECTORS)
                .clipDimension(768).rows(rows).withoutIndexes().create();
        long copyText = Long.parseLong(pg.queryValue("immich_big",
                "SELECT sum(octet_length(embedding::real[]::text)) FROM smart_search"));
        assertTrue(copyText > 24L * 1024 * 1024, "table too small to prove anything: " + copyText);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                BackupChildMain.class.getName(), pg.postgresUrl(PgServer.SUPERUSER, "immich_big"), dir.resolve("child").toString())
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", PgServer.SUPERUSER_PASSWORD);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("verified=true committed=true rows=" + 2 * rows + " maxHeapMiB=16"), output);
    }

    @Test
    void theDumpShowsTheSameMomentAsTheCopyFilesEvenWhenRowsChangeMeanwhile() throws Exception {
        ImmichDatabase.on(pg).name("immich_moment").immichVersion("1.132.3").extension(VectorExtension.PGVECTORS)
                .rows(500).create();
        Path wrappers = BackupFixtures.scripts(dir.resolve("no-snapshot"),
                "for a in \"$@\"; do case \"$a\" in --snapshot=*) echo 'pg_dump: error: snapshot import refused' >&2; exit 1;; esac; done\n"
                        + "exec '" + localTools.pgDump() + "' \"$@\"",
                "exec '" + localTools.pgRestore() + "' \"$@\"");
        for (boolean shared : new boolean[] {true, false}) {
            PgTools tools = shared ? localTools : new PgDumpLocator(List.of(wrappers)).find(14).orElseThrow();
            long rowsBefore = checksum(pg, "immich_moment", "smart_search").rows();
            PgBackupResult r;
            try (PgSession s = session("immich_moment")) {
                DumpSource deletingFirst = new DumpSource() {
                    @Override
                    public boolean usesSnapshots() {
                        return true;
                    }

                    @Override
                    public DumpFile dumpTo(Path file, Progress progress) throws DumpFailedException, CancelledException {
                        return dumpTo(file, null, progress);
                    }

                    @Override
                    public DumpFile dumpTo(Path file, String snapshot, Progress progress)
                            throws DumpFailedException, CancelledException {
                        // Immich (or anyone) deletes rows after the COPY files were written, before pg_dump starts.
                        pg.execute("immich_moment", "DELETE FROM smart_search WHERE \"assetId\" IN"
                                + " (SELECT \"assetId\" FROM smart_search ORDER BY \"assetId\" LIMIT 10)");
                        return new PgDumpRunner(s, tools).dumpTo(file, snapshot, progress);
                    }
                };
                r = new ImmichBackup(deletingFirst, new PgDumpLocator(List.of(localTools.pgDump().getParent())))
                        .backUp(s, dir.resolve("moment-" + shared), Progress.NONE);
            }
            assertEquals(rowsBefore, r.table("smart_search").orElseThrow().rows());
            long dumped = dumpedRows(r.dumpFile().orElseThrow(() -> new AssertionError(r.dumpNote())), "smart_search");
            if (shared) {
                assertTrue(r.dumpNote().contains("from the same snapshot as the vector tables"), r.dumpNote());
                assertEquals(rowsBefore, dumped, "the dump holds the rows of the COPY files' moment");
            } else {
                assertTrue(r.dumpNote().contains("a moment after the vector tables (the shared snapshot failed: pg_dump failed"),
                        r.dumpNote());
                // Two attempts (with the snapshot, then without), each after 10 more rows were deleted.
                assertEquals(rowsBefore - 20, dumped);
            }
        }
    }

    /** Rows of a table in a custom-format dump, read back with pg_restore. */
    private static long dumpedRows(Path dump, String table) throws Exception {
        Process p = new ProcessBuilder(localTools.pgRestore().toString(), "--data-only", "--table=" + table, "--file=-",
                dump.toString()).redirectErrorStream(true).start();
        String sql = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), sql);
        int start = sql.indexOf("FROM stdin;\n") + "FROM stdin;\n".length();
        return sql.substring(start, sql.indexOf("\n\\.\n", start) + 1).lines().count();
    }

    @Test
    void theNewestBackupOfTheSameDatabaseIsFoundAndNoOtherOne() throws Exception {
        Path backups = dir.resolve("backups");
        PgBackupResult r;
        PostgresTarget target;
        try (PgSession s = session("immich")) {
            r = new ImmichBackup().backUp(s, backups, Progress.NONE);
            target = s.target();
        }
        assertEquals(java.util.Optional.of(r.folder()), ImmichBackup.newestOf(backups, target));
        String manifest = Files.readString(r.folder().resolve(BackupFiles.MANIFEST));
        // Newer, but of another server; older, of this one; an interrupted one: none of them wins.
        fakeCopy(backups.resolve("immich-immich-29990101-000000"), manifest.replace(target.displayName(),
                "postgresql://postgres@elsewhere:5432/immich").replace(r.createdAt().toString(), "2999-01-01T00:00:00Z"));
        fakeCopy(backups.resolve("immich-immich-20000101-000000"), manifest.replace(r.createdAt().toString(), "2000-01-01T00:00:00Z"));
        fakeCopy(backups.resolve("immich-immich-29990101-000001.partial"), manifest.replace(r.createdAt().toString(), "2999-01-01T00:00:01Z"));
        assertEquals(java.util.Optional.of(r.folder()), ImmichBackup.newestOf(backups, target));
        Path newer = backups.resolve("immich-immich-29990101-000002");
        fakeCopy(newer, manifest.replace(r.createdAt().toString(), "2999-01-01T00:00:02Z"));
        assertEquals(java.util.Optional.of(newer), ImmichBackup.newestOf(backups, target));
        assertEquals(java.util.Optional.empty(), ImmichBackup.newestOf(dir.resolve("nothing-here"), target));
    }

    private static void fakeCopy(Path folder, String manifest) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(BackupFiles.MANIFEST), manifest);
    }
}
