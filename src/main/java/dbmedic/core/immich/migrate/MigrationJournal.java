package dbmedic.core.immich.migrate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What survives a restart of DB Medic in the middle of a plan: the plan, the dimensions read
 * before any column lost them, the phases done, the one under way (a phase found "running"
 * after a crash was rolled back by PostgreSQL and is run again), and the backup.
 *
 * @param serverKey    {@code host:port/database}
 * @param planId       the plan
 * @param dimensions   embedding dimension per table
 * @param phasesDone   ids of committed phases, in order
 * @param phaseRunning the phase started but not known to be committed
 * @param backupFolder the backup the plan was started behind
 * @param started      when the first phase started
 * @param updated      last write
 */
public record MigrationJournal(String serverKey, String planId, Map<String, Integer> dimensions,
                               List<String> phasesDone, Optional<String> phaseRunning, String backupFolder,
                               Instant started, Instant updated) {
    public MigrationJournal {
        dimensions = Map.copyOf(dimensions);
        phasesDone = List.copyOf(phasesDone);
        phaseRunning = phaseRunning == null ? Optional.empty() : phaseRunning;
    }

    public boolean done(String phaseId) {
        return phasesDone.contains(phaseId);
    }
}
