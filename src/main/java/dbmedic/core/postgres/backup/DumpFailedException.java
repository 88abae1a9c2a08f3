package dbmedic.core.postgres.backup;

/** pg_dump (or its verification) failed; the message is plain and never holds a password. */
public class DumpFailedException extends Exception {
    public DumpFailedException(String message) {
        super(message);
    }

    public DumpFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
