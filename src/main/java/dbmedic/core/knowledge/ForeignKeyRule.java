package dbmedic.core.knowledge;

/**
 * From {@code introducedBy} on, {@code table}'s foreign keys must not reference
 * {@code wrongParent}; they belong to {@code rightParent} (InvokeAI m22 → m32).
 */
public record ForeignKeyRule(String table, String wrongParent, String rightParent, String introducedBy, String note) {
}
