package dbmedic.core.postgres.hba;

import java.util.List;

/**
 * A pg_hba.conf as the server would load it.
 *
 * @param path     the top file
 * @param options  the version and server settings it was read for
 * @param rules    loaded rules in match order (includes expanded in place)
 * @param problems invalid lines ({@code fatal}) and skipped-file log lines, in file order
 */
public record HbaFile(String path, HbaOptions options, List<HbaRule> rules, List<HbaProblem> problems) {

    /**
     * False when any line is invalid: the server would not start ({@link #startFailureMessage()})
     * or, on reload, would keep its old rules ({@link #reloadFailureMessage()}).
     */
    public boolean loadable() {
        return problems.stream().noneMatch(HbaProblem::fatal);
    }

    public List<HbaProblem> errors() {
        return problems.stream().filter(HbaProblem::fatal).toList();
    }

    /** {@code could not load pg_hba.conf} (14, 15) / {@code could not load <path>} (16+), a FATAL at start. */
    public String startFailureMessage() {
        return "could not load " + (options.major() >= 16 ? path : "pg_hba.conf");
    }

    /** {@code pg_hba.conf was not reloaded} (14, 15) / {@code <path> was not reloaded} (16+), a LOG on reload. */
    public String reloadFailureMessage() {
        return (options.major() >= 16 ? path : "pg_hba.conf") + " was not reloaded";
    }
}
