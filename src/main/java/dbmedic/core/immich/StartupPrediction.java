package dbmedic.core.immich;

import java.util.List;
import java.util.Optional;

/**
 * What Immich's {@code DatabaseService.onBootstrap} will do against this database (immich.md
 * §1), step by step.
 *
 * @param outcome    the first step that stops start-up, or what the extension step does
 * @param extension  the vector extension Immich picks (SQL name), empty when none was found
 * @param version    the version the outcome is about (available or installed), if any
 * @param message    the exact text Immich prints for a thrown error or warning, else empty
 * @param drops      other vector extensions installed here that Immich will try to drop (step 7)
 * @param statement  the SQL Immich runs for CREATE/UPDATE outcomes
 */
public record StartupPrediction(Outcome outcome, Optional<String> extension, Optional<String> version,
                                Optional<String> message, List<String> drops, Optional<String> statement) {
    public enum Outcome {
        /** Server version outside POSTGRES_VERSION_RANGE. */
        POSTGRES_VERSION,
        /** None of the preferred extensions is available ("No vector extension found"). */
        NO_EXTENSION,
        /** DB_VECTOR_EXTENSION names an extension the server does not have (notInstalled). */
        NOT_AVAILABLE,
        /** DB_VECTOR_EXTENSION names an extension this release does not support. */
        UNSUPPORTED,
        /** 0.0.0 available or installed. */
        NIGHTLY,
        /** Available (or installed) version outside the release's range. */
        OUT_OF_RANGE,
        /** Immich will run CREATE EXTENSION IF NOT EXISTS ... CASCADE. */
        CREATE,
        /** Immich will run ALTER EXTENSION ... UPDATE TO '...' and reindex. */
        UPDATE,
        /** Installed is newer than available. */
        DOWNGRADE,
        /** The extension step passes unchanged. */
        OK;

        /** True when Immich stops with this outcome (CREATE/UPDATE may still fail on privileges). */
        public boolean fatal() {
            return this != CREATE && this != UPDATE && this != OK;
        }
    }

    public StartupPrediction {
        drops = List.copyOf(drops);
    }
}
