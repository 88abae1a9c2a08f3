package dbmedic.core.task;

/** The user cancelled; whatever was under way has been rolled back. */
public class CancelledException extends Exception {
    public CancelledException() {
        super("Cancelled by the user; nothing was changed.");
    }
}
