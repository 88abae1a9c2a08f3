package dbmedic.core.ssh;

import java.util.List;

/** Docker on the SSH server, asked through the session: which containers run. */
public final class RemoteDocker {
    private final SshConnection connection;

    public RemoteDocker(SshConnection connection) {
        this.connection = connection;
    }

    /** A running container: its name, image and status as {@code docker ps} prints them. */
    public record Container(String name, String image, String status) {
    }

    /** {@code docker ps --format ...}: the running containers, e.g. {@code immich_server}. */
    public List<Container> runningContainers() throws SshFailure {
        throw new UnsupportedOperationException("not yet");
    }
}
