package dbmedic.core.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a compose file, after variable substitution.
 *
 * @param command     the {@code command:} as an argument list (a string is split like a
 *                    shell does), or empty when the service keeps its image's command
 * @param environment the container's variables from {@code env_file} then {@code environment}
 *                    (later wins); a value may be null ("KEY" alone: taken from the shell)
 * @param envFiles    the {@code env_file} entries as written
 * @param bindMounts  container path → host path as written, for bind mounts (named volumes left out)
 */
record ComposeService(String name, String image, String containerName, Optional<List<String>> command,
                      String commandText, Map<String, String> environment, List<String> envFiles,
                      String shmSize, boolean readOnly, boolean hasHealthcheck, List<String> networkNames,
                      Map<String, String> bindMounts) {

    /** The names other containers can reach it by: the service name and its container name. */
    boolean answersTo(String host) {
        return host.equalsIgnoreCase(name) || (containerName != null && host.equalsIgnoreCase(containerName))
                || networkNames.stream().anyMatch(host::equalsIgnoreCase);
    }

    /** "service `database` (container immich_postgres)". */
    String label() {
        return "service `" + name + "`" + (containerName == null ? "" : " (container " + containerName + ")");
    }
}
