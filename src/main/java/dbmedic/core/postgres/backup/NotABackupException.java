package dbmedic.core.postgres.backup;

import dbmedic.core.target.UnusableInputException;

/** The folder given is not a (complete) DB Medic PostgreSQL backup. */
public class NotABackupException extends UnusableInputException {
    public NotABackupException(String message) {
        super(message);
    }

    public NotABackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
