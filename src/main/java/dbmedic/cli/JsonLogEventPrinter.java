package dbmedic.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.finding.Finding;
import dbmedic.core.logs.ImmichLogParser;
import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.ReindexWatch;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.report.Redactor;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code --json}: one compact JSON object per event and line (JSON Lines), flushed at once so
 * a pipe ({@code | jq}) sees each event as it happens. Absent fields are left out.
 */
final class JsonLogEventPrinter implements LogEventPrinter {
    private static final Redactor REDACTOR = Redactor.secretsOnly();
    private final PrintWriter out;
    private final ObjectWriter writer = JsonDocuments.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    JsonLogEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(LogEvent e, ReindexWatch watch) {
        ObjectNode node = JsonDocuments.mapper().createObjectNode();
        node.put("type", e.type().name().toLowerCase(Locale.ROOT));
        putIfPresent(node, "level", e.level());
        putIfPresent(node, "timestamp", e.timestamp());
        putIfPresent(node, "worker", e.worker());
        putIfPresent(node, "context", e.context());
        putIfPresent(node, "message", REDACTOR.redact(e.message()));
        putIfPresent(node, "index", e.index());
        if (e.targetLists() != null) {
            node.put("targetLists", e.targetLists());
        }
        if (e.currentLists() != null) {
            node.put("currentLists", e.currentLists());
        }
        if (e.rows() != null) {
            node.put("rows", e.rows());
        }
        if (!e.findings().isEmpty()) {
            ArrayNode findings = node.putArray("findings");
            for (Finding f : e.findings()) {
                ObjectNode fn = findings.addObject();
                fn.put("id", f.id());
                fn.put("severity", f.severity().label());
                fn.put("summary", f.summary());
                fn.put("docs", f.docPage());
            }
        }
        if (e.index() != null && e.type() != LogEvent.Type.TARGET_LISTS) {
            watch.index(e.index()).ifPresent(p -> {
                ObjectNode progress = node.putObject("progress");
                progress.put("state", p.state().name().toLowerCase(Locale.ROOT));
                progress.put("elapsedMs", p.elapsed().toMillis());
            });
        }
        node.put("line", REDACTOR.redact(ImmichLogParser.clean(e.raw())));
        write(node);
    }

    @Override
    public void summary(ReindexWatch watch) {
        // JSON Lines carry events only: a consumer keeps its own summary.
        out.flush();
    }

    private void write(ObjectNode node) {
        try {
            out.println(writer.writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
