package dbmedic.core.postgres.conf;

/**
 * A problem found while reading configuration. {@code fatal} problems make PostgreSQL refuse
 * to start (and ignore the whole file set on reload); the others are only logged.
 * {@code message} is PostgreSQL's log text. {@code file}/{@code line} may be null/0.
 */
public record ConfProblem(String file, int line, String message, boolean fatal) {

    public String where() {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + " line " + line : file;
    }
}
