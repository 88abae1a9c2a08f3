package dbmedic.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.app.AppIdentity;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.plan.PlanStep;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.core.verify.VerifyResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON contract of design.md ({@code target}, {@code app}, {@code findings}, …), built
 * in one place for the CLI's {@code --json} and the saved report. Every string passes the
 * redactor when one is given.
 */
public final class JsonDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Redactor redactor;

    /** {@code redactor} null: values as they are (the user's own terminal). */
    public JsonDocuments(Redactor redactor) {
        this.redactor = redactor;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public ObjectNode newDocument() {
        return MAPPER.createObjectNode();
    }

    public String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode diagnosis(Diagnosis diagnosis) {
        ObjectNode doc = newDocument();
        doc.set("target", target(diagnosis.target()));
        doc.set("app", app(diagnosis.app()));
        doc.set("findings", findings(diagnosis.findings()));
        doc.put("healthy", !diagnosis.hasProblems());
        doc.put("diagnosedAt", diagnosis.at().toString());
        return doc;
    }

    public ObjectNode target(Target target) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("engine", target.engine());
        node.put("name", s(target.displayName()));
        if (target instanceof SqliteTarget sqlite) {
            node.put("given", s(sqlite.given().toString()));
            node.put("database", s(sqlite.database().toString()));
        }
        return node;
    }

    public ObjectNode app(AppIdentity app) {
        ObjectNode node = MAPPER.createObjectNode();
        AppIdentity a = app == null ? AppIdentity.UNKNOWN : app;
        node.put("id", a.id());
        node.put("name", a.name());
        node.put("schemaVersion", a.schemaVersion());
        node.put("release", a.release());
        node.put("versionKnown", a.versionKnown());
        return node;
    }

    public ArrayNode findings(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode node = array.addObject();
            node.put("id", f.id());
            node.put("severity", f.severity().label());
            node.put("subject", s(f.subject()));
            node.put("summary", s(f.summary()));
            node.put("evidence", s(f.evidence()));
            node.put("cause", s(f.cause()));
            ObjectNode fix = node.putObject("fix");
            fix.put("summary", f.fix() == null ? null : s(f.fix().summary()));
            ArrayNode sql = fix.putArray("sql");
            if (f.fix() != null) {
                f.fix().sql().forEach(stmt -> sql.add(s(stmt)));
            }
            node.put("repairable", f.repairable());
            node.put("docs", f.docPage());
        }
        return array;
    }

    public ObjectNode plan(RepairPlan plan) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode steps = node.putArray("steps");
        for (PlanStep step : plan.steps()) {
            ObjectNode s = steps.addObject();
            s.put("description", s(step.description()));
            s.put("table", s(step.table()));
            ArrayNode sql = s.putArray("sql");
            step.statements().forEach(stmt -> sql.add(s(stmt)));
        }
        ArrayNode statements = node.putArray("statements");
        plan.statements().forEach(stmt -> statements.add(s(stmt)));
        ObjectNode changes = node.putObject("expectedRowChanges");
        new TreeMap<>(plan.expectedRowChanges()).forEach(changes::put);
        ArrayNode notes = node.putArray("notes");
        plan.notes().forEach(n -> notes.add(s(n)));
        return node;
    }

    public ObjectNode backup(BackupResult backup) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", s(backup.file().toString()));
        node.put("manifest", backup.manifest() == null ? null : s(backup.manifest().toString()));
        node.put("bytes", backup.bytes());
        node.put("sha256", backup.sha256());
        node.put("integrity", backup.integrity());
        node.put("verified", backup.verified());
        node.put("at", backup.at().toString());
        ObjectNode counts = node.putObject("rowCounts");
        new TreeMap<>(backup.rowCounts()).forEach(counts::put);
        return node;
    }

    public ObjectNode verify(VerifyResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ok", result.ok());
        ObjectNode counts = node.putObject("rowCounts");
        for (Map.Entry<String, long[]> e : new TreeMap<>(result.rowCounts()).entrySet()) {
            ObjectNode c = counts.putObject(s(e.getKey()));
            c.put("backup", e.getValue()[0]);
            c.put("now", e.getValue()[1]);
        }
        ArrayNode problems = node.putArray("problems");
        result.problems().forEach(p -> problems.add(s(p)));
        if (result.after() != null) {
            node.set("findings", findings(result.after().findings()));
        }
        return node;
    }

    private String s(String value) {
        return redactor == null ? value : redactor.redact(value);
    }
}
