package dbmedic.core.app;

/**
 * Which app a database belongs to and the schema version it records. {@code id} is
 * "invokeai", "gpustack" or "unknown".
 */
public record AppIdentity(String id, String name, String schemaVersion, String release, boolean versionKnown) {
    public static final AppIdentity UNKNOWN = new AppIdentity("unknown", "Unknown app", null, null, false);

    public boolean recognised() {
        return !"unknown".equals(id);
    }
}
