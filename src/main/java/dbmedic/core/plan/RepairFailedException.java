package dbmedic.core.plan;

/** The repair failed and its transaction was rolled back: the database is as before. CLI exit 3. */
public class RepairFailedException extends Exception {
    public RepairFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public RepairFailedException(String message) {
        super(message);
    }
}
