package dbmedic.cli;

import dbmedic.core.finding.Finding;
import dbmedic.core.logs.ImmichLogParser;
import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.ReindexWatch;
import dbmedic.core.logs.ReindexWatch.IndexProgress;
import dbmedic.core.report.Redactor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * For a person: each line compactly ({@code time LEVEL [Context] message}), a progress line
 * for the indexes after each reindex event, and a pointer to the finding for a known error
 * (once per finding id: the same error repeats at every restart).
 */
final class HumanLogEventPrinter implements LogEventPrinter {
    private static final Redactor REDACTOR = Redactor.secretsOnly();
    private final PrintWriter out;
    private final Set<String> findingsShown = new HashSet<>();

    HumanLogEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(LogEvent e, ReindexWatch watch) {
        String text = ImmichLogParser.clean(e.raw());
        if (e.level() != null && e.context() != null && text.startsWith("[Nest]")) {
            out.printf("%s %-5s [%s] %s%n", e.timestamp(), e.level(), e.context(), REDACTOR.redact(e.message()));
        } else {
            out.println(REDACTOR.redact(text));
        }
        switch (e.type()) {
            case REINDEX_STARTED, REINDEXED, TARGET_LISTS -> out.println("  >> " + progress(watch.indexes()));
            case SERVER_LISTENING -> out.println("  >> Immich is up" + (watch.allDone() ? ", reindexing finished" : ""));
            default -> {
            }
        }
        for (Finding f : e.findings()) {
            if (findingsShown.add(f.id())) {
                out.println("  >> " + f.severity().name() + " " + f.id() + ": " + f.summary());
                out.println("     fix and why: " + f.docPage() + "  (or: dbmedic explain \"<the line>\")");
            }
        }
        out.flush();
    }

    @Override
    public void summary(ReindexWatch watch) {
        List<IndexProgress> indexes = watch.indexes();
        if (!indexes.isEmpty() || watch.serverListening() || !watch.errors().isEmpty()) {
            out.println();
            out.println("Reindexing: " + (indexes.isEmpty() ? "not seen" : progress(indexes)));
            out.println("Server listening: " + (watch.serverListening() ? "yes" : "not seen"));
            if (!watch.errors().isEmpty()) {
                out.println("Errors: " + watch.errors().size() + (findingsShown.isEmpty() ? ""
                        : " (known: " + String.join(", ", findingsShown.stream().sorted().toList()) + ")"));
            }
        }
        out.flush();
    }

    static String progress(List<IndexProgress> indexes) {
        StringBuilder s = new StringBuilder();
        for (IndexProgress p : indexes) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(p.index()).append(' ');
            switch (p.state()) {
                case WAITING -> s.append("waiting");
                case REINDEXING -> s.append("reindexing for ").append(duration(p.elapsed()));
                case DONE -> s.append("done in ").append(duration(p.elapsed()));
                default -> s.append(p.state().name().toLowerCase(Locale.ROOT));
            }
            if (p.rows() != null) {
                s.append(" (").append(p.rows()).append(" rows");
                if (p.targetLists() != null) {
                    s.append(", lists ").append(p.currentLists()).append(" -> ").append(p.targetLists());
                }
                s.append(')');
            }
        }
        return s.toString();
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
