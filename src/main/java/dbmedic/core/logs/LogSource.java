package dbmedic.core.logs;

/**
 * A place log lines come from: a file, {@code docker logs}, {@code kubectl logs},
 * {@code journalctl} — local, or run on a server by the SSH layer.
 */
public interface LogSource extends AutoCloseable {
    /** What the user sees, e.g. {@code docker logs immich_server}. */
    String describe();

    /**
     * Delivers lines to {@code sink} on the calling thread until the source ends. With
     * {@code follow} false: what is there now, then returns; with {@code follow} true: blocks
     * for new lines until {@link #close()} is called from another thread (then returns
     * normally) or the source fails.
     */
    void follow(LineSink sink, boolean follow) throws LogSourceException;

    /** Stops a running {@link #follow} (it returns) and releases files and processes; idempotent. */
    @Override
    void close();
}
