package dbmedic.core.postgres.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON forms of a PostgreSQL backup and a restore, for {@code --json} output. */
public final class PgBackupJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PgBackupJson() {
    }

    public static ObjectNode backup(PgBackupResult b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("folder", b.folder().toString());
        n.put("dumpFile", b.dumpFile().map(Object::toString).orElse(null));
        n.put("dumpNote", b.dumpNote());
        n.put("verified", b.verified());
        n.put("createdAt", b.createdAt().toString());
        n.put("serverVersion", b.serverVersion());
        n.put("immichVersion", b.immichVersion());
        n.put("bytes", b.bytes());
        ArrayNode tables = n.putArray("tables");
        for (TableSnapshot t : b.tables()) {
            tables.add(snapshot(t));
        }
        return n;
    }

    public static ObjectNode snapshot(TableSnapshot t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("table", t.table());
        n.put("keyColumn", t.keyColumn());
        n.put("columnType", t.columnType());
        n.put("rows", t.rows());
        n.put("sha256", t.sha256());
        return n;
    }

    public static ObjectNode restore(RestoreResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("committed", r.committed());
        n.put("message", r.message());
        ArrayNode tables = n.putArray("tables");
        for (RestoredTable t : r.tables()) {
            ObjectNode tn = tables.addObject();
            tn.put("table", t.table());
            tn.put("matches", t.matches());
            tn.put("typeBefore", t.typeBefore());
            tn.put("typeAfter", t.typeAfter());
            tn.set("expected", snapshot(t.expected()));
            tn.set("before", snapshot(t.before()));
            tn.set("after", snapshot(t.after()));
            strings(tn.putArray("indexesDropped"), t.indexesDropped());
            strings(tn.putArray("indexesRecreated"), t.indexesRecreated());
        }
        strings(n.putArray("notes"), r.notes());
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
