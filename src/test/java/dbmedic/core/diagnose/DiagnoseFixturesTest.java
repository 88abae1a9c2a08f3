package dbmedic.core.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real packs on the realistic fixtures: each diagnosis finds exactly what is wrong, and nothing else. */
class DiagnoseFixturesTest {
    private static Diagnoser diagnoser;

    @TempDir
    Path dir;

    @BeforeAll
    static void packs() {
        diagnoser = new Diagnoser(PackRegistry.load());
    }

    static Diagnosis diagnose(Path spec) throws Exception {
        return diagnoser.diagnose(TargetResolver.resolve(spec.toString()), DiagnoseOptions.DEFAULT, Progress.NONE);
    }

    /** "severity id subject" of every error and warning. */
    static List<String> problems(Diagnosis d) {
        return d.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                .map(f -> f.severity().label() + " " + f.id() + " " + f.subject())
                .toList();
    }

    static Finding only(Diagnosis d, String id) {
        List<Finding> f = d.findings().stream().filter(x -> x.id().equals(id)).toList();
        assertEquals(1, f.size(), id + " in " + d.findings());
        return f.get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 20, 21, 32})
    void healthyInvokeAiHasNoProblems(int version) throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.invokeAiHealthy(dir, version).getParent().getParent());
        assertEquals(List.of(), problems(d));
        assertEquals("invokeai", d.app().id());
        assertEquals(String.valueOf(version), d.app().schemaVersion());
        assertEquals(Severity.OK, only(d, "app.recognised").severity());
        assertEquals(Severity.OK, only(d, "sqlite.integrity").severity());
        assertEquals(Severity.OK, only(d, "sqlite.foreign-keys").severity());
    }

    @Test
    void missingDestinationIsExactlyOneMissingColumn() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.invokeAiMissingDestination(dir));
        assertEquals(List.of("error sqlite.missing-column session_queue.destination"), problems(d));
        Finding f = only(d, "sqlite.missing-column");
        assertEquals(List.of("ALTER TABLE session_queue ADD COLUMN destination TEXT;"), f.fix().sql());
        assertEquals(1, f.actions().size());
        RepairAction.AddColumn add = (RepairAction.AddColumn) f.actions().get(0);
        assertEquals("session_queue", add.table());
        assertEquals("destination", add.column());
        assertTrue(f.cause().contains("v4.2.9.dev3"), f.cause());
        assertTrue(f.evidence().contains("version 15 (v5.0.0)") && f.evidence().contains("migration_15"), f.evidence());
    }

    @Test
    void theDemoRootIsTheDestinationStory() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.demoRoot(dir));
        assertEquals(List.of("error sqlite.missing-column session_queue.destination"), problems(d));
    }

    @ParameterizedTest
    @ValueSource(ints = {22, 25, 31})
    void modelsOldForeignKeysAreOneWrongParentFinding(int version) throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.invokeAiModelsOldForeignKeys(dir, version));
        assertEquals(List.of("error sqlite.fk-wrong-parent model_relationships"), problems(d));
        Finding f = only(d, "sqlite.fk-wrong-parent");
        assertEquals(List.of(new RepairAction.RepointForeignKeys("model_relationships", "models_old", "models")), f.actions());
        assertTrue(f.evidence().contains("REFERENCES \"models_old\"(id)"), f.evidence());
        assertTrue(f.evidence().contains("2 of them also match no row of models"), f.evidence());
    }

    /** Every released v6.9.0 .. v6.13.4 database has the models_old keys: migration 32 repairs them. */
    @ParameterizedTest
    @ValueSource(ints = {22, 27, 31})
    void asReleasedVersions22To31HaveTheWrongParent(int version) throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.invokeAiHealthy(dir, version));
        assertEquals(List.of("error sqlite.fk-wrong-parent model_relationships"), problems(d));
        assertTrue(only(d, "sqlite.fk-wrong-parent").evidence().contains("does not exist"));
    }

    @Test
    void aNewerInvokeAiIsReportedAndNotCompared() throws Exception {
        for (Path db : List.of(SqliteFixtures.invokeAiNewerUnknown(dir.resolve("a")),
                SqliteFixtures.invokeAiNewerLegacyVersion(dir.resolve("b")))) {
            Diagnosis d = diagnose(db);
            assertEquals(List.of("warning app.schema-newer invokeai"), problems(d));
            assertFalse(d.app().versionKnown());
            assertTrue(d.repairable().isEmpty());
        }
    }

    @Test
    void gpuStackMissingResolvedPathIsThreePlusOneColumnsAndTwoTables() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.gpuStackMissingResolvedPath(dir).getParent());
        assertEquals(List.of(
                "error sqlite.missing-table model_files",
                "error sqlite.missing-table modelinstancemodelfilelink",
                "error sqlite.missing-column model_instances.resolved_path",
                "error sqlite.missing-column model_instances.restart_count",
                "error sqlite.missing-column model_instances.last_restart_time",
                "error sqlite.missing-column models.restart_on_error"), problems(d));
        assertEquals("gpustack", d.app().id());
        assertEquals(6, d.repairable().size());
        for (Finding f : d.repairable()) {
            assertTrue(f.cause().contains("c45e397531d1"), f.cause());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"e6bf9e067296", "c45e397531d1", "cbbc03c88985", "d19176de3b74"})
    void healthyGpuStackHasNoProblems(String revision) throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.gpuStackHealthy(dir, revision));
        assertEquals(List.of(), problems(d));
        assertEquals(revision, d.app().schemaVersion());
    }

    @Test
    void walOnlyRowsAreInfoNotProblems() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.walWithUncheckpointedRows(dir));
        assertEquals(List.of(), problems(d));
        assertEquals(Severity.INFO, only(d, "sqlite.wal-pending").severity());
    }

    @Test
    void anShmFileMeansTheAppMayBeRunning() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.walWithShm(dir));
        assertEquals(List.of("warning sqlite.app-may-be-running invokeai.db-shm"), problems(d));
    }

    @Test
    void aHotJournalIsAWarningAndTheRolledBackCopyIsHealthy() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.hotJournal(dir));
        assertEquals(List.of("warning sqlite.hot-journal invokeai.db-journal"), problems(d));
        assertEquals(Severity.OK, only(d, "sqlite.integrity").severity());
    }

    @Test
    void aCorruptPageIsAnIntegrityErrorNotUnusableInput() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.corruptPage(dir));
        assertEquals(List.of("error sqlite.integrity quick_check"), problems(d));
        assertEquals("invokeai", d.app().id());
    }

    @Test
    void hostileNamesAreDiagnosedLikeAnyOtherDatabase() throws Exception {
        Diagnosis d = diagnose(SqliteFixtures.hostileNames(dir));
        assertEquals(List.of("warning app.not-recognised unknown"), problems(d));
        assertEquals(Severity.OK, only(d, "sqlite.integrity").severity());
    }

    @Test
    void choosingTheAppByHandGivesTheSameResult() throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        Diagnosis d = diagnoser.diagnose(TargetResolver.resolve(db.toString()), new DiagnoseOptions("InvokeAI", false),
                Progress.NONE);
        assertEquals(List.of("error sqlite.missing-column session_queue.destination"), problems(d));
        assertTrue(only(d, "app.recognised").evidence().contains("chosen by hand"));
    }

    @Test
    void choosingTheWrongAppSaysWhyNothingMatched() throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        Diagnosis d = diagnoser.diagnose(TargetResolver.resolve(db.toString()), new DiagnoseOptions("gpustack", false),
                Progress.NONE);
        assertEquals(List.of("warning app.not-recognised unknown"), problems(d));
        assertTrue(only(d, "app.not-recognised").evidence().contains("opened as GPUStack as asked, but it records no GPUStack schema version"),
                only(d, "app.not-recognised").evidence());
    }
}
