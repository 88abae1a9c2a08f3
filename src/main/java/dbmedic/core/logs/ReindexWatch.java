package dbmedic.core.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Follows Immich's reindexing from its log events: per index WAITING → REINDEXING → DONE
 * with elapsed time, the targetLists/rows Immich computed, whether the server is listening,
 * and the errors seen. Thread-safe: a source thread feeds it, the UI thread reads snapshots.
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

    private final Clock clock;

    /** Watches whatever indexes the log names. */
    public ReindexWatch(Clock clock) {
        this(clock, List.of());
    }

    /** @param expected indexes that must reach DONE for {@link #allDone()} (e.g. clip_index, face_index), WAITING until then */
    public ReindexWatch(Clock clock, Collection<String> expected) {
        this.clock = clock;
    }

    public void accept(LogEvent event) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every index in log order (expected ones first). */
    public List<IndexProgress> indexes() {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<IndexProgress> index(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Expected indexes all DONE; without expected ones: at least one reindex finished and none running. */
    public boolean allDone() {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean serverListening() {
        throw new UnsupportedOperationException("not yet");
    }

    /** ERROR events and warnings that matched a finding, in order. */
    public List<LogEvent> errors() {
        throw new UnsupportedOperationException("not yet");
    }
}
