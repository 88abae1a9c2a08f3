package dbmedic.core.knowledge;

/** A table that must not exist at a version: dropped by {@code droppedBy}; {@code note} says what its presence means. */
public record AbsentTable(String name, String droppedBy, String note) {
}
