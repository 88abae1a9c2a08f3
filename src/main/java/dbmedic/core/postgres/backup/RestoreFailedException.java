package dbmedic.core.postgres.backup;

/** The restore failed and its transaction was rolled back: the tables are as they were before. */
public class RestoreFailedException extends Exception {
    public RestoreFailedException(String message) {
        super(message);
    }

    public RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
