package dbmedic.core.postgres.hba;

/**
 * A pg_hba.conf line the server rejects ({@code fatal}: the whole file then fails to load) or
 * a message it only logs (e.g. {@code skipping missing authentication file "..."}).
 * {@code message} is the server's text (pg_hba_file_rules.error / the LOG line).
 */
public record HbaProblem(String file, int line, String message, boolean fatal) {

    /** The CONTEXT line the server logs under the message. */
    public String context() {
        return "line " + line + " of configuration file \"" + file + "\"";
    }
}
