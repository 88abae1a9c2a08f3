package dbmedic.core.immich.migrate;

import java.util.List;
import java.util.Optional;

/**
 * One vector extension as the server reports it: the default version offered by its control
 * file ({@code pg_available_extensions.default_version}), every installable version, and the
 * version installed in the Immich database (empty when not installed there).
 */
public record ExtensionInfo(String name, Optional<String> defaultVersion, List<String> availableVersions,
                            Optional<String> installedVersion) {
    public ExtensionInfo {
        availableVersions = List.copyOf(availableVersions);
    }

    public boolean available() {
        return defaultVersion.isPresent() || !availableVersions.isEmpty();
    }

    public boolean installed() {
        return installedVersion.isPresent();
    }
}
