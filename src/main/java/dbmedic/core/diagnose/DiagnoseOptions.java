package dbmedic.core.diagnose;

import dbmedic.core.postgres.PasswordPrompt;
import dbmedic.core.postgres.TunnelEndpoint;

/**
 * How to diagnose, whatever the target.
 *
 * @param appOverride        "invokeai", "gpustack", "immich" to skip detection, or null
 * @param fullIntegrityCheck SQLite: run {@code PRAGMA integrity_check} (O(N log N)) instead of
 *                           {@code quick_check}; implies a scan
 * @param clientAddress      PostgreSQL: the address the app connects from, for the pg_hba
 *                           simulation; null for each engine's Docker default
 * @param passwordPrompt     PostgreSQL: asked when no other source has a password; null: never ask
 * @param scan               SQLite: read every page ({@code quick_check}, {@code foreign_key_check});
 *                           null = only for files up to {@link #AUTO_SCAN_LIMIT_BYTES}, so that
 *                           diagnosing a large file costs its schema, not its size
 * @param tunnel             PostgreSQL: the local end of an SSH tunnel every socket goes to (the
 *                           URL keeps the real host); null: connect directly
 */
public record DiagnoseOptions(String appOverride, boolean fullIntegrityCheck, String clientAddress,
                              PasswordPrompt passwordPrompt, Boolean scan, TunnelEndpoint tunnel) {
    public static final DiagnoseOptions DEFAULT = new DiagnoseOptions(null, false);
    public static final long AUTO_SCAN_LIMIT_BYTES = 256L * 1024 * 1024;

    public DiagnoseOptions(String appOverride, boolean fullIntegrityCheck, String clientAddress,
                           PasswordPrompt passwordPrompt, Boolean scan) {
        this(appOverride, fullIntegrityCheck, clientAddress, passwordPrompt, scan, null);
    }

    /** The same options through an SSH tunnel. */
    public DiagnoseOptions withTunnel(TunnelEndpoint endpoint) {
        return new DiagnoseOptions(appOverride, fullIntegrityCheck, clientAddress, passwordPrompt, scan, endpoint);
    }

    public DiagnoseOptions(String appOverride, boolean fullIntegrityCheck) {
        this(appOverride, fullIntegrityCheck, null, null, null);
    }

    public DiagnoseOptions(String appOverride, boolean fullIntegrityCheck, String clientAddress,
                           PasswordPrompt passwordPrompt) {
        this(appOverride, fullIntegrityCheck, clientAddress, passwordPrompt, null);
    }

    /** Whether the page-reading checks run on a database file of {@code bytes}. */
    public boolean scans(long bytes) {
        if (fullIntegrityCheck) {
            return true;
        }
        return scan != null ? scan : bytes <= AUTO_SCAN_LIMIT_BYTES;
    }
}
