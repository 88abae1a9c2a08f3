package dbmedic.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explain on text as users paste it. */
class ErrorExplainerTest {
    private final ErrorExplainer explainer = new ErrorExplainer(PackRegistry.load());

    @Test
    void aFullPythonTracebackGivesTheDestinationFinding() {
        String paste = """
                [2024-09-25 10:12:01,123]::[InvokeAI]::ERROR --> Error while invoking session 4f1c, invocation 9a2 (compel):
                Traceback (most recent call last):
                  File "C:\\invokeai\\.venv\\lib\\site-packages\\invokeai\\app\\services\\session_queue\\session_queue_sqlite.py", line 120, in enqueue_batch
                    self.__cursor.executemany(
                sqlite3.OperationalError: no such column: destination
                """;
        List<Finding> findings = explainer.explain(paste);
        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals("sqlite.missing-column", f.id());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("session_queue.destination", f.subject());
        assertEquals("sqlite3.OperationalError: no such column: destination", f.evidence());
        assertEquals(List.of("ALTER TABLE session_queue ADD COLUMN destination TEXT;"), f.fix().sql());
        assertTrue(f.cause().contains("migration 15") || f.cause().contains("Migration 15"), f.cause());
    }

    @Test
    void aComposePrefixedLineWithTimestampAndCrlf() {
        String paste = "invokeai-1  | 2024-09-25T10:12:01Z ERROR table session_queue has no column named destination\r\n"
                + "invokeai-1  | 2024-09-25T10:12:02Z INFO  Shutting down\r\n";
        List<Finding> findings = explainer.explain(paste);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("session_queue.destination", findings.get(0).subject());
        assertEquals("2024-09-25T10:12:01Z ERROR table session_queue has no column named destination", findings.get(0).evidence());
    }

    @Test
    void aSqlAlchemyWrapperIsUnwrapped() {
        String paste = "gpustack  | 2025-04-26 08:00:00,000 - ERROR - (sqlite3.OperationalError) no such column: "
                + "model_instances.resolved_path [SQL: SELECT model_instances.id, model_instances.resolved_path FROM model_instances]";
        List<Finding> findings = explainer.explain(paste);
        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals("sqlite.missing-column", f.id());
        assertEquals("model_instances.resolved_path", f.subject());
        assertEquals(List.of("ALTER TABLE model_instances ADD COLUMN resolved_path VARCHAR"), f.fix().sql());
        assertTrue(f.cause().contains("c45e397531d1"));
        assertTrue(f.evidence().startsWith("2025-04-26 08:00:00,000 - ERROR - (sqlite3.OperationalError)"));
    }

    @Test
    void twoErrorsInOnePasteAreBothReturnedOnce() {
        String paste = """
                invokeai  | [2024-09-25 10:00:00,000]::[InvokeAI]::INFO --> Backing up database to /invokeai/databases/invokeai_backup_20240925-100000.db
                invokeai  | invokeai.app.services.shared.sqlite_migrator.sqlite_migrator_common.MigrationError: Error migrating database from 14 to 15: duplicate column name: origin
                invokeai  | During handling of the above exception, another exception occurred:
                invokeai  | invokeai.app.services.shared.sqlite_migrator.sqlite_migrator_common.MigrationError: Error migrating database from 14 to 15: duplicate column name: origin
                """;
        List<Finding> findings = explainer.explain(paste);
        assertEquals(List.of("app.migration-failed", "sqlite.duplicate-column"), findings.stream().map(Finding::id).toList());
        assertEquals("migration_15", findings.get(0).subject());
        assertTrue(findings.get(0).summary().contains("from version 14 to 15"), findings.get(0).summary());
        assertEquals("session_queue.origin", findings.get(1).subject());
    }

    @Test
    void theModelsOldForeignKeyMapsToTheChildTable() {
        List<Finding> findings = explainer.explain("sqlite3.IntegrityError: no such table: main.models_old");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("sqlite.fk-wrong-parent", findings.get(0).id());
        assertEquals("model_relationships", findings.get(0).subject());
    }

    @Test
    void aNewerDatabaseIsAWarning() {
        List<Finding> findings = explainer.explain(
                "MigrationError: Database contains unknown legacy migration version: 34");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("app.schema-newer", findings.get(0).id());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("migration_34", findings.get(0).subject());
    }

    @Test
    void gpuStackNotNullColumnNamesTheColumnFromTheSql() {
        String paste = "RuntimeError: Database migration failed: (sqlite3.OperationalError) Cannot add a NOT NULL column with "
                + "default value NULL [SQL: ALTER TABLE models ADD COLUMN placement_strategy VARCHAR(7) NOT NULL]";
        List<Finding> findings = explainer.explain(paste);
        assertEquals(List.of("app.migration-failed", "sqlite.add-column-rejected"), findings.stream().map(Finding::id).toList());
        assertEquals("models.placement_strategy", findings.get(1).subject());
    }

    @Test
    void genericSqliteMessagesKeepTheirSubject() {
        List<Finding> findings = explainer.explain("Error: no such column: widgets.colour\nError: no such column: zzz_unknown");
        assertEquals(List.of("widgets.colour", "zzz_unknown"), findings.stream().map(Finding::subject).toList());
        assertTrue(findings.stream().allMatch(f -> f.fix().sql().isEmpty()));
        assertEquals("model_files", explainer.explain("no such table: model_files").get(0).subject());
        assertTrue(explainer.explain("no such table: model_files").get(0).fix().sql().get(0).startsWith("CREATE TABLE model_files"));
    }

    @Test
    void secretsInTheEvidenceAreRedacted() {
        String paste = "ERROR connecting postgresql://root:hunter2@127.0.0.1:5432/gpustack password=hunter2 "
                + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def no such table: model_files";
        Finding f = explainer.explain(paste).get(0);
        assertFalse(f.evidence().contains("hunter2"), f.evidence());
        assertFalse(f.evidence().contains("eyJhbGciOiJIUzI1NiJ9"), f.evidence());
        assertTrue(f.evidence().contains("postgresql://root:***@127.0.0.1"), f.evidence());
    }

    @Test
    void unrelatedTextGivesNothing() {
        assertTrue(explainer.explain("""
                invokeai  | [2024-09-25 10:00:00,000]::[uvicorn.access]::INFO --> 127.0.0.1:52044 - "GET /api/v1/queue HTTP/1.1" 200
                Everything is fine. The column is named destination and nobody complained.
                """).isEmpty());
        assertTrue(explainer.explain("").isEmpty());
        assertTrue(explainer.explain(null).isEmpty());
    }
}
