package dbmedic.core.diagnose;

/**
 * {@code appOverride}: "invokeai"/"gpustack" to skip detection, or null.
 * {@code fullIntegrityCheck}: run {@code PRAGMA integrity_check} (O(N log N)) instead of
 * {@code quick_check}.
 */
public record DiagnoseOptions(String appOverride, boolean fullIntegrityCheck) {
    public static final DiagnoseOptions DEFAULT = new DiagnoseOptions(null, false);
}
