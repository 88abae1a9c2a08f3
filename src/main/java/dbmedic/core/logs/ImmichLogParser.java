package dbmedic.core.logs;

import dbmedic.core.explain.ErrorExplainer;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Immich server log lines into {@link LogEvent}s: Nest's console format
 * (immich.md §4.5), with Docker Compose's {@code immich_server  | } prefix and terminal
 * colour codes removed first; the message texts are those of immich.md §3 and §4.3.
 * Warning and error lines (and lines outside Nest's format, such as the database driver's
 * {@code PostgresError: ...}) are matched to findings by the packs' known error strings,
 * the same {@link ErrorExplainer} as {@code dbmedic explain}.
 *
 * <p>One parser per source: it remembers the last Nest line's level and context for the
 * unprefixed continuation lines of a multi-line message. Not thread-safe.
 */
public final class ImmichLogParser {
    private static final Pattern ANSI = Pattern.compile("\\u001B\\[[0-9;?]*[A-Za-z]");
    // Docker Compose: "immich_server  | ", "immich-server-1  | " (padded service name, then a bar).
    private static final Pattern COMPOSE_PREFIX = Pattern.compile("^[A-Za-z0-9][\\w.-]*\\s+\\| ?");
    // §4.5, with the Worker part optional (older releases print only the context).
    private static final Pattern NEST = Pattern.compile(
            "^\\[Nest\\] (\\d+)\\s+- (.+?)\\s+(LOG|WARN|ERROR|FATAL|DEBUG|VERBOSE) \\[(?:(\\w+):)?(\\w+)\\] ?(.*)$");
    private static final Pattern REINDEXING = Pattern.compile(
            "^Reindexing (\\w+)(?: \\(This may take a while, do not restart\\))?\\s*$");
    private static final Pattern REINDEXED = Pattern.compile("^Reindexed (\\w+)\\s*$");
    private static final Pattern TARGET_LISTS = Pattern.compile(
            "^targetLists=(\\d+), current=(\\d+) for (\\w+) of (\\d+) rows");
    private static final Pattern MIGRATIONS_RUNNING = Pattern.compile("^Running migrations\\b");
    private static final Pattern MIGRATIONS_FINISHED = Pattern.compile("^Finished running migrations\\b");
    private static final Pattern LISTENING = Pattern.compile("^Immich Server is listening\\b");
    private static final Pattern CREATING = Pattern.compile("^Creating (.+) extension\\s*$");
    private static final Pattern DROPPING = Pattern.compile("^Dropping (.+) extension\\s*$");
    // Driver and runtime lines outside Nest's format: "PostgresError: ...", "Error: ...", "ERROR:  ...".
    private static final Pattern ERROR_LINE = Pattern.compile("^(\\w*Error|ERROR|FATAL|PANIC)(: |:$|$)");

    private final Function<String, List<Finding>> explain;
    private String lastLevel;
    private String lastWorker;
    private String lastContext;
    private String lastTimestamp;

    /** @param explain text → findings, e.g. {@code medic::explain} */
    public ImmichLogParser(Function<String, List<Finding>> explain) {
        this.explain = explain;
    }

    /** A parser with the packs shipped in the app. */
    public static ImmichLogParser withPacks() {
        ErrorExplainer explainer = new ErrorExplainer(PackRegistry.load());
        return new ImmichLogParser(explainer::explain);
    }

    /** The line without what log tooling adds in front: colour codes, the Compose service prefix. */
    public static String clean(String line) {
        String s = ANSI.matcher(line == null ? "" : line).replaceAll("");
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return COMPOSE_PREFIX.matcher(s).replaceFirst("");
    }

    public LogEvent parse(String line) {
        String raw = line == null ? "" : line;
        String text = clean(raw);
        Matcher nest = NEST.matcher(text);
        if (nest.matches()) {
            String level = nest.group(3);
            String worker = nest.group(4);
            String context = nest.group(5);
            String message = nest.group(6);
            String timestamp = nest.group(2).strip();
            lastLevel = level;
            lastWorker = worker;
            lastContext = context;
            lastTimestamp = timestamp;
            return nestEvent(level, timestamp, worker, context, message, raw);
        }
        return otherEvent(text, raw);
    }

    private LogEvent nestEvent(String level, String timestamp, String worker, String context, String message, String raw) {
        Matcher m;
        if ((m = REINDEXING.matcher(message)).matches()) {
            return event(LogEvent.Type.REINDEX_STARTED, level, timestamp, worker, context, message, m.group(1), null, null, null, List.of(), raw);
        }
        if ((m = REINDEXED.matcher(message)).matches()) {
            return event(LogEvent.Type.REINDEXED, level, timestamp, worker, context, message, m.group(1), null, null, null, List.of(), raw);
        }
        if ((m = TARGET_LISTS.matcher(message)).find()) {
            return event(LogEvent.Type.TARGET_LISTS, level, timestamp, worker, context, message, m.group(3),
                    toInt(m.group(1)), toInt(m.group(2)), toLong(m.group(4)), List.of(), raw);
        }
        if (MIGRATIONS_RUNNING.matcher(message).find()) {
            return event(LogEvent.Type.MIGRATIONS_RUNNING, level, timestamp, worker, context, message, null, null, null, null, List.of(), raw);
        }
        if (MIGRATIONS_FINISHED.matcher(message).find()) {
            return event(LogEvent.Type.MIGRATIONS_FINISHED, level, timestamp, worker, context, message, null, null, null, null, List.of(), raw);
        }
        if (LISTENING.matcher(message).find()) {
            return event(LogEvent.Type.SERVER_LISTENING, level, timestamp, worker, context, message, null, null, null, null, List.of(), raw);
        }
        if (level.equals("LOG") && CREATING.matcher(message).matches()) {
            return event(LogEvent.Type.EXTENSION_CREATING, level, timestamp, worker, context, message, null, null, null, null, List.of(), raw);
        }
        if (level.equals("LOG") && DROPPING.matcher(message).matches()) {
            return event(LogEvent.Type.EXTENSION_DROPPING, level, timestamp, worker, context, message, null, null, null, null, List.of(), raw);
        }
        LogEvent.Type type = switch (level) {
            case "ERROR", "FATAL" -> LogEvent.Type.ERROR;
            case "WARN" -> LogEvent.Type.WARNING;
            default -> LogEvent.Type.OTHER;
        };
        // LOG/DEBUG lines are Immich reporting progress: not worth the error rules' time.
        List<Finding> findings = type == LogEvent.Type.OTHER ? List.of() : findings(message);
        return event(type, level, timestamp, worker, context, message, null, null, null, null, findings, raw);
    }

    private LogEvent otherEvent(String text, String raw) {
        if (text.isBlank()) {
            // Blank lines occur inside multi-line messages (nightlyVersion starts with one).
            return event(LogEvent.Type.OTHER, lastLevel, lastTimestamp, lastWorker, lastContext, "", null, null, null, null, List.of(), raw);
        }
        boolean continuation = !text.isEmpty() && Character.isWhitespace(text.charAt(0)) && lastLevel != null;
        List<Finding> findings = findings(text);
        LogEvent.Type type = ERROR_LINE.matcher(text.strip()).find() && !continuation ? LogEvent.Type.ERROR : LogEvent.Type.OTHER;
        if (type == LogEvent.Type.OTHER && !findings.isEmpty() && !continuation) {
            type = LogEvent.Type.ERROR;
        }
        if (continuation) {
            // An indented line continues the last Nest message: same level and context.
            return event(type, lastLevel, lastTimestamp, lastWorker, lastContext, text.strip(), null, null, null, null, findings, raw);
        }
        lastLevel = null;
        lastWorker = null;
        lastContext = null;
        lastTimestamp = null;
        return event(type, null, null, null, null, text.strip(), null, null, null, null, findings, raw);
    }

    private List<Finding> findings(String text) {
        if (explain == null) {
            return List.of();
        }
        return explain.apply(text);
    }

    private static LogEvent event(LogEvent.Type type, String level, String timestamp, String worker, String context,
            String message, String index, Integer target, Integer current, Long rows, List<Finding> findings, String raw) {
        return new LogEvent(type, level, timestamp, worker, context, message, index, target, current, rows, findings, raw);
    }

    private static Integer toInt(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long toLong(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
