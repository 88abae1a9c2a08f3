package dbmedic.ui.shell;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * Runs engine work off the FX thread, one visible job at a time (the shell shows its
 * progress and Cancel), plus "quiet" jobs (resolving a typed path) that show nothing.
 * Callbacks run on the FX thread.
 */
public final class BackgroundRunner {
    private final ExecutorService work = Executors.newSingleThreadExecutor(daemon("dbmedic-work"));
    private final ExecutorService quiet = Executors.newSingleThreadExecutor(daemon("dbmedic-quiet"));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ProgressTask<?>> current = new ReadOnlyObjectWrapper<>();

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The running visible task, for binding progress and message; null when idle. */
    public ReadOnlyObjectProperty<ProgressTask<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Starts a visible job; refused (returns false) while another one runs. */
    public <T> boolean run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (busy.get()) {
            return false;
        }
        ProgressTask<T> task = new ProgressTask<>(title, job);
        task.setOnSucceeded(e -> {
            finish();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finish());
        busy.set(true);
        current.set(task);
        work.execute(task);
        return true;
    }

    /** Asks the running job to stop; it ends (and reports) when the engine has rolled back. */
    public void cancel() {
        ProgressTask<?> task = current.get();
        if (task != null) {
            task.requestCancel();
        }
    }

    /** Runs work that needs no progress display and never blocks navigation. */
    public <T> void runQuietly(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new ProgressTask<>("", job);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        quiet.execute(task);
    }

    private void finish() {
        current.set(null);
        busy.set(false);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
