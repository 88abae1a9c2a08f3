package dbmedic.core.logs;

import dbmedic.core.finding.Finding;
import java.util.List;
import java.util.Objects;

/**
 * One log line as DB Medic understands it. Fields that a line does not carry are null.
 *
 * @param type what the line says
 * @param level Nest level (LOG, WARN, ERROR, FATAL, DEBUG, VERBOSE), or null for lines outside Nest's format
 * @param timestamp the timestamp text as printed (e.g. {@code 05/22/2025, 10:33:57 AM})
 * @param worker {@code Api} or {@code Microservices}
 * @param context the logging class, e.g. {@code DatabaseRepository}
 * @param message the text after the prefix (the whole cleaned line for other lines)
 * @param index {@code clip_index} / {@code face_index} for reindex and targetLists lines
 * @param targetLists from {@code targetLists=N}
 * @param currentLists from {@code current=N}
 * @param rows from {@code of N rows}
 * @param findings known errors this line matches (through the packs' error strings)
 * @param raw the line as received (compose prefix and colour codes included)
 */
public record LogEvent(Type type, String level, String timestamp, String worker, String context, String message,
        String index, Integer targetLists, Integer currentLists, Long rows, List<Finding> findings, String raw) {

    public enum Type {
        REINDEX_STARTED, REINDEXED, TARGET_LISTS, MIGRATIONS_RUNNING, MIGRATIONS_FINISHED, SERVER_LISTENING,
        EXTENSION_CREATING, EXTENSION_DROPPING, ERROR, WARNING, OTHER
    }

    public LogEvent {
        Objects.requireNonNull(type, "type");
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public List<String> findingIds() {
        return findings.stream().map(Finding::id).distinct().toList();
    }
}
