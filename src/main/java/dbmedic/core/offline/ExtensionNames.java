package dbmedic.core.offline;

import java.util.Locale;
import java.util.Optional;

/** Immich's names for the vector extensions (constants.ts EXTENSION_NAMES, config.repository.ts). */
final class ExtensionNames {

    private ExtensionNames() {
    }

    /** Display name used in Immich's messages. */
    static String display(String sqlName) {
        return switch (sqlName) {
            case "vchord" -> "VectorChord";
            case "vectors" -> "pgvecto.rs";
            case "vector" -> "pgvector";
            default -> sqlName;
        };
    }

    /** The library to preload, or empty when none is needed (pgvector). */
    static Optional<String> library(String sqlName) {
        return switch (sqlName) {
            case "vchord" -> Optional.of("vchord.so");
            case "vectors" -> Optional.of("vectors.so");
            default -> Optional.empty();
        };
    }

    /** DB_VECTOR_EXTENSION value → SQL name ({@code pgvector}, {@code pgvecto.rs}, {@code vectorchord}); empty if not one. */
    static Optional<String> fromEnv(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "pgvector" -> Optional.of("vector");
            case "pgvecto.rs" -> Optional.of("vectors");
            case "vectorchord" -> Optional.of("vchord");
            default -> Optional.empty();
        };
    }
}
