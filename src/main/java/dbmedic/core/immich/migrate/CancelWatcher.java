package dbmedic.core.immich.migrate;

import dbmedic.core.task.Progress;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns the user's Cancel into {@link Statement#cancel()} of the statement under way: a long
 * ALTER TABLE does not look at {@link Progress} itself. The server then fails the statement
 * and the caller rolls the transaction back.
 */
final class CancelWatcher implements AutoCloseable {
    private final AtomicReference<Statement> current = new AtomicReference<>();
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stop;

    CancelWatcher(Progress progress) {
        thread = new Thread(() -> {
            while (!stop) {
                if (progress.isCancelled()) {
                    fired.set(true);
                    Statement st = current.get();
                    if (st != null) {
                        try {
                            st.cancel();
                        } catch (SQLException ignored) {
                            // The statement may have just finished; the caller checks the flag after it.
                        }
                    }
                }
                try {
                    Thread.sleep(100); // polling the UI's flag; Progress has no listener to wait on
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dbmedic-migration-cancel");
        thread.setDaemon(true);
        thread.start();
    }

    void running(Statement st) {
        current.set(st);
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
    }
}
