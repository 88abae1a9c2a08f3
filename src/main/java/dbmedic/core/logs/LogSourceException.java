package dbmedic.core.logs;

/** A log source that cannot be used; the message is one line for the user, e.g. "docker: no such container immich_server". */
public final class LogSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogSourceException(String message) {
        super(message);
    }

    public LogSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
