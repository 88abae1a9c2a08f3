package dbmedic.ui.watch;

/** {@link LogFeed} over the engine's log sources, Immich log parser and reindex watch. */
public final class CoreLogFeed implements LogFeed {
    @Override
    public AutoCloseable start(String source, Listener listener) {
        throw new UnsupportedOperationException("Following Immich's log is not available in this build yet.");
    }
}
