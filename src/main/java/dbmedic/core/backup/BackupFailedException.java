package dbmedic.core.backup;

/** The backup could not be written or did not verify; the source is untouched. */
public class BackupFailedException extends Exception {
    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
