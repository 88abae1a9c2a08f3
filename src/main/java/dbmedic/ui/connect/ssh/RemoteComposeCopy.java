package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.RemoteFiles;
import dbmedic.core.ssh.SshFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * An Immich compose folder on the SSH server, copied for the offline checks: its compose file
 * and {@code .env} fetched with {@code cat} (shown first, like every remote command) into a
 * folder only this user can read, since {@code .env} holds the database password. Deleted when
 * the wizard moves on to another target or closes.
 *
 * @param remoteFolder the folder as typed, on the server
 * @param where        the server, for messages ({@code admin@nas})
 * @param local        the private local copy
 * @param files        the names copied, e.g. {@code docker-compose.yml}, {@code .env}
 */
public record RemoteComposeCopy(String remoteFolder, String where, Path local, List<String> files) {

    /** Copies the folder's compose file and .env; off the FX thread. */
    public static RemoteComposeCopy fetch(SshLink link, String remoteFolder) throws SshFailure, IOException {
        var connection = link.connection();
        Path tmp = privateFolder();
        try {
            List<String> names = new RemoteFiles(connection).copyComposeFolder(remoteFolder, tmp);
            return new RemoteComposeCopy(remoteFolder, connection.describe(), tmp, names);
        } catch (SshFailure | RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    /** {@code admin@nas:/srv/immich}, as scp would name it. */
    public String origin() {
        return where + ":" + remoteFolder;
    }

    private static Path privateFolder() throws IOException {
        try {
            return Files.createTempDirectory("dbmedic-remote-", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException windows) {
            return Files.createTempDirectory("dbmedic-remote-");
        }
    }

    /** Deletes the local copy. */
    public void delete() {
        delete(local);
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A copy left behind holds only the compose file and .env, readable by this user alone.
        }
    }
}
