package dbmedic.ui.shell;

import dbmedic.core.task.Progress;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;

/**
 * Adapts the engine's toolkit-free {@link Progress} to a {@link Task}: progress and messages
 * flow to the FX properties, and cancel is a request the engine honours at its next check.
 * {@link Task#cancel()} is not used for that, because it marks the task cancelled at once
 * while the engine may still be rolling back; the task ends only when the engine returns.
 */
public final class ProgressTask<T> extends Task<T> {
    private final Job<T> job;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public ProgressTask(String title, Job<T> job) {
        this.job = job;
        updateTitle(title);
        updateProgress(-1, -1);
    }

    /** The engine sees the request at its next {@link Progress#checkCancelled()}. */
    public void requestCancel() {
        cancelRequested.set(true);
        updateMessage("Cancelling…");
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    @Override
    protected T call() throws Exception {
        return job.run(progress);
    }

    private final Progress progress = new Progress() {
        @Override
        public void update(long done, long total, String message) {
            if (done >= 0 && total > 0) {
                updateProgress(done, total);
            }
            if (message != null && !cancelRequested.get()) {
                updateMessage(message);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested.get() || ProgressTask.this.isCancelled();
        }
    };
}
