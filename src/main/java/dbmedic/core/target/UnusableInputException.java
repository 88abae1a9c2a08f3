package dbmedic.core.target;

/**
 * The input cannot be used at all (missing file, not a database, bad URL). Its message is
 * one plain line for the user; the CLI maps it to exit code 2.
 */
public class UnusableInputException extends Exception {
    public UnusableInputException(String message) {
        super(message);
    }

    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
