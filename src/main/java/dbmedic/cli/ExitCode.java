package dbmedic.cli;

/** The exit codes of design.md. */
public final class ExitCode {
    /** Healthy, or the command succeeded. */
    public static final int OK = 0;
    /** Problems were found or remain. */
    public static final int PROBLEMS = 1;
    /** The input could not be used (missing file, not a database, bad usage). */
    public static final int UNUSABLE = 2;
    /** A repair failed and was rolled back: the database is as before. */
    public static final int REPAIR_FAILED = 3;

    private ExitCode() {
    }
}
