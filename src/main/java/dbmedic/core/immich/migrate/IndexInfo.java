package dbmedic.core.immich.migrate;

/** An index on a vector table, with its definition as {@code pg_indexes.indexdef} prints it. */
public record IndexInfo(String name, String definition) {
}
