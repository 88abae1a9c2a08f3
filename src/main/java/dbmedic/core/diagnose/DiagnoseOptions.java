package dbmedic.core.diagnose;

import dbmedic.core.postgres.PasswordPrompt;

/**
 * How to diagnose, whatever the target.
 *
 * @param appOverride        "invokeai", "gpustack", "immich" to skip detection, or null
 * @param fullIntegrityCheck SQLite: run {@code PRAGMA integrity_check} (O(N log N)) instead of
 *                           {@code quick_check}
 * @param clientAddress      PostgreSQL: the address the app connects from, for the pg_hba
 *                           simulation; null for each engine's Docker default
 * @param passwordPrompt     PostgreSQL: asked when no other source has a password; null: never ask
 */
public record DiagnoseOptions(String appOverride, boolean fullIntegrityCheck, String clientAddress,
                              PasswordPrompt passwordPrompt) {
    public static final DiagnoseOptions DEFAULT = new DiagnoseOptions(null, false);

    public DiagnoseOptions(String appOverride, boolean fullIntegrityCheck) {
        this(appOverride, fullIntegrityCheck, null, null);
    }
}
