package dbmedic.core.immich.migrate;

/** A statement failed; the phase's transaction was rolled back, so the database is as before the phase. */
public class MigrationFailedException extends Exception {
    private final String statement;

    public MigrationFailedException(String message, String statement, Throwable cause) {
        super(message, cause);
        this.statement = statement;
    }

    /** The statement that failed, when one did. */
    public String statement() {
        return statement;
    }
}
