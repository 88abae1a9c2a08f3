package dbmedic.core.logs;

import java.util.concurrent.atomic.AtomicReference;

/** Runs {@code source.follow(sink, true)} on its own thread, keeping what it threw. */
final class Follower implements AutoCloseable {
    final Lines lines = new Lines();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LogSource source;
    private final Thread thread;

    Follower(LogSource source) {
        this.source = source;
        this.thread = new Thread(() -> {
            try {
                source.follow(lines, true);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-follow");
        thread.setDaemon(true);
        thread.start();
    }

    boolean running() {
        return thread.isAlive();
    }

    void awaitLine(String text) {
        Await.until(() -> lines.contains(text) || failure.get() != null,
                () -> "line '" + text + "' (got " + lines.all() + ")");
        if (failure.get() != null) {
            throw new AssertionError("the source failed", failure.get());
        }
    }

    /** Closes the source and waits for follow() to return. */
    @Override
    public void close() {
        source.close();
        Await.until(() -> !thread.isAlive(), () -> "follow() to return after close()");
    }
}
