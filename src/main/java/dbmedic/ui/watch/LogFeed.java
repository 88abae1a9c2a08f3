package dbmedic.ui.watch;

/**
 * Tails Immich's log and turns it into events and per-index state. The listener is called on
 * the feed's own thread; the page moves the calls onto the FX thread in batches.
 */
@FunctionalInterface
public interface LogFeed {
    /** {@code source} is a file path or {@code docker:<container>}; the returned handle stops the tail. */
    AutoCloseable start(String source, Listener listener) throws Exception;

    interface Listener {
        void event(EventView event);

        void state(WatchState state);

        /** The tail ended: {@code error} null when stopped, else why (the file went away, docker quit). */
        void ended(Throwable error);
    }

    /** One log event; {@code docPage} is the finding's docs page when the line matches a known failure. */
    record EventView(String time, String level, String message, boolean error, String findingId, String docPage) {
    }

    /**
     * One vector index: {@code state} "waiting", "reindexing" or "done"; {@code elapsed} as of
     * {@code asOf}, so the page can count on while Immich is silent (minutes to hours).
     */
    record IndexView(String index, String state, java.time.Duration elapsed, java.time.Instant asOf,
                     Integer targetLists, Long rows) {
        /** The time spent so far: fixed once done, counting on while reindexing. */
        public java.time.Duration elapsedAt(java.time.Instant now) {
            if ("reindexing".equals(state) && asOf != null && now.isAfter(asOf)) {
                return elapsed.plus(java.time.Duration.between(asOf, now));
            }
            return elapsed;
        }
    }

    record WatchState(java.util.List<IndexView> indexes, boolean serverListening) {
        public WatchState {
            indexes = java.util.List.copyOf(indexes);
        }

        /** Both indexes rebuilt and the server answering: Immich can be used again. */
        public boolean ready() {
            return serverListening && !indexes.isEmpty() && indexes.stream().allMatch(i -> "done".equals(i.state()));
        }
    }
}
