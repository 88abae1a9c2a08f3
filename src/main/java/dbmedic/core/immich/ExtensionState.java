package dbmedic.core.immich;

/**
 * One row of {@code pg_available_extensions} as Immich reads it: {@code default_version}
 * ("availableVersion") and {@code installed_version} of the current database (null when not
 * installed here).
 */
public record ExtensionState(String name, String availableVersion, String installedVersion) {
    public boolean available() {
        return availableVersion != null;
    }

    public boolean installed() {
        return installedVersion != null;
    }
}
