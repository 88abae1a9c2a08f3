package dbmedic.core.task;

/**
 * Toolkit-free progress and cancellation for long work. The wizard adapts it to
 * javafx.concurrent; the CLI prints to stderr; tests use {@link #NONE}.
 */
public interface Progress {
    /** Reports {@code done} of {@code total} units (total &lt;= 0: unknown). */
    void update(long done, long total, String message);

    /** True once the user asked to stop; long loops call {@link #checkCancelled()}. */
    boolean isCancelled();

    default void message(String message) {
        update(-1, -1, message);
    }

    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
