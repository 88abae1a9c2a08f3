package dbmedic.core.immich.migrate;

import java.util.List;

/** A phase was not started because a guard refused; the database is unchanged. */
public class MigrationRefusedException extends Exception {
    private final List<Refusal> refusals;

    public MigrationRefusedException(List<Refusal> refusals) {
        super(refusals.isEmpty() ? "Refused" : refusals.get(0).reason());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
