package dbmedic.core.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Follows Immich's reindexing from its log events: per index WAITING → REINDEXING → DONE
 * with elapsed time, the targetLists/rows Immich computed, whether the server is listening,
 * and the errors seen. Thread-safe: a source thread feeds it, the UI thread reads snapshots.
 *
 * <p>Times come from the clock passed in (when a line was seen), so a test drives it with a
 * fake clock. When both the Reindexing and the Reindexed lines carry a readable Nest
 * timestamp, a finished index's elapsed time is the difference of the two: a log read
 * after the fact still says how long the reindex took (3.7 minutes in immich#18462).
 */
public final class ReindexWatch {
    public enum State { WAITING, REINDEXING, DONE }

    /**
     * @param startedAt when the Reindexing line was seen (clock time), null while WAITING
     * @param finishedAt when the Reindexed line was seen, null until DONE
     * @param elapsed time reindexing so far (REINDEXING: until now; DONE: start to finish), zero while WAITING
     */
    public record IndexProgress(String index, State state, Instant startedAt, Instant finishedAt, Duration elapsed,
            Integer targetLists, Integer currentLists, Long rows) {
    }

    // Nest prints the date with the container's locale; en-US is what Immich's images use.
    private static final List<DateTimeFormatter> NEST_TIMES = List.of(
            DateTimeFormatter.ofPattern("MM/dd/yyyy, h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy, H:mm:ss", Locale.US));

    private final Clock clock;
    private final List<String> expected;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<LogEvent> errors = new ArrayList<>();
    private boolean listening;
    private LocalDateTime lastLogTime;

    private static final class Entry {
        State state = State.WAITING;
        Instant startedAt;
        Instant finishedAt;
        LocalDateTime logStart;
        LocalDateTime logEnd;
        Integer targetLists;
        Integer currentLists;
        Long rows;
    }

    /** Watches whatever indexes the log names. */
    public ReindexWatch(Clock clock) {
        this(clock, List.of());
    }

    /** @param expected indexes that must reach DONE for {@link #allDone()} (e.g. clip_index, face_index), WAITING until then */
    public ReindexWatch(Clock clock, Collection<String> expected) {
        this.clock = clock;
        this.expected = List.copyOf(expected);
        for (String name : this.expected) {
            entries.put(name, new Entry());
        }
    }

    public synchronized void accept(LogEvent event) {
        LocalDateTime logTime = logTime(event.timestamp());
        if (logTime != null && (lastLogTime == null || logTime.isAfter(lastLogTime))) {
            lastLogTime = logTime;
        }
        switch (event.type()) {
            case TARGET_LISTS -> {
                Entry e = entry(event.index());
                e.targetLists = event.targetLists();
                e.currentLists = event.currentLists();
                e.rows = event.rows();
            }
            case REINDEX_STARTED -> {
                Entry e = entry(event.index());
                // A second reindex (Immich restarted) starts the clock again.
                e.state = State.REINDEXING;
                e.startedAt = clock.instant();
                e.finishedAt = null;
                e.logStart = logTime(event.timestamp());
                e.logEnd = null;
            }
            case REINDEXED -> {
                Entry e = entry(event.index());
                Instant now = clock.instant();
                if (e.startedAt == null) {
                    // The start was before what we read: elapsed unknown, counted as zero.
                    e.startedAt = now;
                }
                e.state = State.DONE;
                e.finishedAt = now;
                e.logEnd = logTime(event.timestamp());
            }
            case SERVER_LISTENING -> listening = true;
            case ERROR -> errors.add(event);
            case WARNING -> {
                if (!event.findings().isEmpty()) {
                    errors.add(event);
                }
            }
            default -> {
            }
        }
    }

    /** Every index: expected ones first, then in the order the log named them. */
    public synchronized List<IndexProgress> indexes() {
        Instant now = clock.instant();
        List<IndexProgress> result = new ArrayList<>();
        entries.forEach((name, e) -> result.add(progress(name, e, now, lastLogTime)));
        return result;
    }

    public synchronized Optional<IndexProgress> index(String name) {
        Entry e = entries.get(name);
        return e == null ? Optional.empty() : Optional.of(progress(name, e, clock.instant(), lastLogTime));
    }

    /** Expected indexes all DONE; without expected ones: at least one reindex finished and none running. */
    public synchronized boolean allDone() {
        if (!expected.isEmpty()) {
            return expected.stream().allMatch(n -> entries.get(n).state == State.DONE);
        }
        boolean anyDone = entries.values().stream().anyMatch(e -> e.state == State.DONE);
        boolean anyRunning = entries.values().stream().anyMatch(e -> e.state == State.REINDEXING);
        return anyDone && !anyRunning;
    }

    public synchronized boolean serverListening() {
        return listening;
    }

    /** ERROR events and warnings that matched a finding, in order. */
    public synchronized List<LogEvent> errors() {
        return List.copyOf(errors);
    }

    private Entry entry(String index) {
        return entries.computeIfAbsent(index == null ? "?" : index, k -> new Entry());
    }

    private static IndexProgress progress(String name, Entry e, Instant now, LocalDateTime lastLogTime) {
        Duration elapsed = switch (e.state) {
            case WAITING -> Duration.ZERO;
            case REINDEXING -> longer(Duration.between(e.startedAt, now),
                    // A reindex that began before we started reading: the log says how long it has run.
                    e.logStart != null && lastLogTime != null ? Duration.between(e.logStart, lastLogTime) : Duration.ZERO);
            case DONE -> e.logStart != null && e.logEnd != null && !e.logEnd.isBefore(e.logStart)
                    ? Duration.between(e.logStart, e.logEnd)
                    : Duration.between(e.startedAt, e.finishedAt);
        };
        return new IndexProgress(name, e.state, e.startedAt, e.finishedAt, elapsed, e.targetLists, e.currentLists, e.rows);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static LocalDateTime logTime(String text) {
        if (text == null) {
            return null;
        }
        // Newer ICU (Node 20+) puts a narrow no-break space before AM/PM.
        String normalized = text.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
        for (DateTimeFormatter f : NEST_TIMES) {
            try {
                return LocalDateTime.parse(normalized, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }
}
