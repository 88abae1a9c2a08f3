package dbmedic.core.immich.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.postgres.backup.TableSnapshot;
import java.util.List;

/** The migration's records as JSON for {@code --json} (the JSON contract's {@code migration} part). */
public final class MigrationJson {
    private final ObjectMapper mapper;

    public MigrationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode state(MigrationState s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("server", s.serverKey());
        n.put("serverVersion", s.serverVersion());
        n.put("immichVersion", s.immichVersion().orElse(null));
        ObjectNode ext = n.putObject("extensions");
        s.extensions().values().stream().sorted(java.util.Comparator.comparing(ExtensionInfo::name)).forEach(e -> {
            ObjectNode x = ext.putObject(e.name());
            x.put("available", e.defaultVersion().orElse(null));
            x.put("installed", e.installedVersion().orElse(null));
        });
        n.put("sharedPreloadLibraries", s.preload().known() ? s.preload().value() : null);
        n.put("sharedPreloadLibrariesSource", s.preload().source());
        n.put("sharedPreloadLibrariesAtRestart", s.preload().fileValue().orElse(null));
        ArrayNode tables = n.putArray("tables");
        for (VectorTable t : s.tables()) {
            ObjectNode x = tables.addObject();
            x.put("table", t.table());
            x.put("columnType", t.columnType());
            x.put("dimension", t.dimension() > 0 ? t.dimension() : t.storedDimension());
            x.put("rows", t.rows());
            ArrayNode idx = x.putArray("indexes");
            t.indexes().forEach(i -> idx.add(i.name()));
        }
        ArrayNode sessions = n.putArray("otherSessions");
        s.otherSessions().forEach(o -> sessions.add(o.describe()));
        n.put("inRecovery", s.inRecovery());
        n.put("readOnly", s.readOnly());
        n.put("user", s.currentUser());
        n.put("superuser", s.privileges().superuser());
        return n;
    }

    public ObjectNode plan(MigrationPlan p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", p.id());
        n.put("title", p.title());
        n.put("explanation", p.explanation());
        ObjectNode dims = n.putObject("dimensions");
        p.dimensions().forEach(dims::put);
        ArrayNode phases = n.putArray("phases");
        for (MigrationPhase ph : p.phases()) {
            ObjectNode x = phases.addObject();
            x.put("id", ph.id());
            x.put("title", ph.title());
            x.put("transactional", ph.transactional());
            strings(x.putArray("statements"), ph.statements());
            ph.pauseAfter().ifPresent(swap -> x.set("imageSwap", imageSwap(swap)));
        }
        strings(n.putArray("afterwards"), p.afterwards());
        return n;
    }

    public ObjectNode imageSwap(ImageSwap swap) {
        ObjectNode n = mapper.createObjectNode();
        n.put("summary", swap.summary());
        ArrayNode list = n.putArray("instructions");
        for (SetupInstruction i : swap.instructions()) {
            ObjectNode x = list.addObject();
            x.put("setup", i.setup());
            x.put("title", i.title());
            strings(x.putArray("steps"), i.steps());
        }
        return n;
    }

    public ArrayNode refusals(List<Refusal> refusals) {
        ArrayNode a = mapper.createArrayNode();
        for (Refusal r : refusals) {
            ObjectNode x = a.addObject();
            x.put("code", r.code());
            x.put("reason", r.reason());
            x.put("whatToDo", r.whatToDo());
            strings(x.putArray("details"), r.details());
        }
        return a;
    }

    public ObjectNode phaseResult(PhaseResult r) {
        ObjectNode n = mapper.createObjectNode();
        n.put("plan", r.planId());
        n.put("phase", r.phaseId());
        n.put("seconds", r.elapsed().toMillis() / 1000.0);
        strings(n.putArray("statements"), r.statements());
        n.put("next", r.nextPhase().orElse(null));
        return n;
    }

    public ObjectNode verification(MigrationVerification v) {
        ObjectNode n = mapper.createObjectNode();
        n.put("plan", v.planId());
        n.put("passed", v.passed());
        n.put("lossless", v.lossless());
        ArrayNode checks = n.putArray("checks");
        for (VerificationCheck c : v.checks()) {
            ObjectNode x = checks.addObject();
            x.put("id", c.id());
            x.put("passed", c.passed());
            x.put("expected", c.expected());
            x.put("actual", c.actual());
        }
        ArrayNode tables = n.putArray("tables");
        for (TableComparison t : v.tables()) {
            ObjectNode x = tables.addObject();
            x.put("table", t.table());
            x.put("same", t.same());
            x.set("backup", snapshot(t.backup()));
            x.set("now", snapshot(t.now()));
        }
        return n;
    }

    private ObjectNode snapshot(TableSnapshot s) {
        ObjectNode n = mapper.createObjectNode();
        if (s != null) {
            n.put("columnType", s.columnType());
            n.put("rows", s.rows());
            n.put("sha256", s.sha256());
        }
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
