package dbmedic.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an Immich compose folder's two files (the compose file and {@code .env}) from the
 * server into a local folder with {@code cat}, so the offline checks read them as they would
 * a copied folder. Nothing on the server is changed.
 */
public final class RemoteFiles {
    /** Compose file names in the order docker compose looks for them. */
    static final List<String> COMPOSE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    private final SshConnection connection;

    public RemoteFiles(SshConnection connection) {
        this.connection = connection;
    }

    /**
     * Copies {@code remoteFolder}'s compose file and {@code .env} (when there is one) into
     * {@code localFolder}; returns the names copied. No compose file there → a failure naming the folder.
     */
    public List<String> copyComposeFolder(String remoteFolder, Path localFolder) throws SshFailure {
        List<String> copied = new ArrayList<>();
        String dir = remoteFolder.endsWith("/") ? remoteFolder : remoteFolder + "/";
        for (String name : COMPOSE_NAMES) {
            if (copy(dir + name, localFolder.resolve(name))) {
                copied.add(name);
                break;
            }
        }
        if (copied.isEmpty()) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "No compose file (" + String.join(", ", COMPOSE_NAMES)
                    + ") in " + remoteFolder + " on " + connection.settings().display());
        }
        if (copy(dir + ".env", localFolder.resolve(".env"))) {
            copied.add(".env");
        }
        return copied;
    }

    /** {@code cat FILE} into {@code local}; false when the file is not there. */
    public boolean copy(String remoteFile, Path local) throws SshFailure {
        RemoteCommands.Result r = RemoteCommands.run(connection, List.of("cat", "--", remoteFile), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            if (r.stderr().contains("No such file")) {
                return false;
            }
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "Could not read " + remoteFile + " on "
                    + connection.settings().display() + ": " + r.firstErrorLine());
        }
        try {
            Files.createDirectories(local.toAbsolutePath().getParent());
            Files.writeString(local, r.stdout(), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "Could not write " + local + ": " + e.getMessage(), e);
        }
    }
}
