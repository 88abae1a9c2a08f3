package dbmedic.core.immich.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A phase that was applied and committed.
 *
 * @param planId       the plan
 * @param phaseId      the phase
 * @param statements   what ran, in order
 * @param elapsed      wall time of the phase
 * @param pauseAfter   present when the user must now swap the database image
 * @param nextPhase    the phase to apply next, empty when the plan is complete
 */
public record PhaseResult(String planId, String phaseId, List<String> statements, Duration elapsed,
                          Optional<ImageSwap> pauseAfter, Optional<String> nextPhase) {
    public PhaseResult {
        statements = List.copyOf(statements);
    }

    public boolean planComplete() {
        return nextPhase.isEmpty();
    }
}
