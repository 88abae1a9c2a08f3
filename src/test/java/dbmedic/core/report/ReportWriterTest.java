package dbmedic.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.SqliteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    private Diagnosis diagnosis() {
        Path db = Path.of("/home/alice/invokeai/databases/invokeai.db");
        return new Diagnosis(new SqliteTarget(db.getParent().getParent(), db, "invokeai"),
                new AppIdentity("invokeai", "InvokeAI", "15", "v5.0.0", true),
                List.of(
                        new Finding("app.recognised", Severity.OK, "invokeai", "InvokeAI database", "migrations: 15", null,
                                null),
                        new Finding("sqlite.missing-column", Severity.ERROR, "session_queue.destination",
                                "Column destination is missing", "token=abc123 in the log", "dev build",
                                new Fix("Add the column", List.of("ALTER TABLE session_queue ADD COLUMN destination TEXT;")))),
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void writesMarkdownAndJsonWithTheContractFieldsAndNoSecrets() throws Exception {
        List<Path> files = new ReportWriter(new Redactor("/home/alice"), "0.1.0").write(diagnosis(), dir);
        assertEquals(List.of(dir.resolve("dbmedic-report.md"), dir.resolve("dbmedic-report.json")), files);

        String md = Files.readString(files.get(0));
        assertTrue(md.contains("## Errors"), md);
        assertTrue(md.contains("ALTER TABLE session_queue ADD COLUMN destination TEXT;"), md);
        assertTrue(md.indexOf("## Errors") < md.indexOf("## Checks passed"), "errors come first");
        assertFalse(md.contains("abc123"), md);
        assertFalse(md.contains("/home/alice"), md);

        JsonNode json = JsonDocuments.mapper().readTree(files.get(1).toFile());
        assertEquals("invokeai", json.at("/app/id").asText());
        assertEquals("15", json.at("/app/schemaVersion").asText());
        JsonNode first = json.at("/findings/0");
        assertEquals("sqlite.missing-column", first.get("id").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals("session_queue.destination", first.get("subject").asText());
        assertEquals("ALTER TABLE session_queue ADD COLUMN destination TEXT;", first.at("/fix/sql/0").asText());
        assertFalse(json.toString().contains("abc123"));
        assertFalse(json.toString().contains("/home/alice"));
    }

    @Test
    void aFileNameGetsBothExtensions() throws Exception {
        List<Path> files = new ReportWriter(new Redactor("/nowhere"), "0.1.0").write(diagnosis(), dir.resolve("issue-42.txt"));
        assertEquals(dir.resolve("issue-42.md"), files.get(0));
        assertEquals(dir.resolve("issue-42.json"), files.get(1));
        assertTrue(Files.size(files.get(0)) > 0 && Files.size(files.get(1)) > 0);
    }
}
