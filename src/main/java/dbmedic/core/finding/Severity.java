package dbmedic.core.finding;

/** How bad a finding is; the order is the display order (worst first). */
public enum Severity {
    ERROR, WARNING, INFO, OK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
