package dbmedic.core.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Docker on the SSH server, asked through the session: which containers run. */
public final class RemoteDocker {
    static final String FORMAT = "{{.Names}}\t{{.Image}}\t{{.Status}}";
    private final SshConnection connection;

    public RemoteDocker(SshConnection connection) {
        this.connection = connection;
    }

    /** A running container: its name, image and status as {@code docker ps} prints them. */
    public record Container(String name, String image, String status) {
    }

    /** {@code docker ps --format ...}: the running containers, e.g. {@code immich_server}. */
    public List<Container> runningContainers() throws SshFailure {
        RemoteCommands.Result r = RemoteCommands.run(connection, List.of("docker", "ps", "--format", FORMAT),
                Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "docker ps failed on " + connection.settings().display()
                    + ": " + r.firstErrorLine() + (r.exitCode() == 127 ? " (is Docker installed there?)" : "")
                    + (r.stderr().contains("permission denied") ? " (the SSH user may need to be in the docker group)" : ""));
        }
        List<Container> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Container(f[0].strip(), f.length > 1 ? f[1].strip() : "", f.length > 2 ? f[2].strip() : ""));
        }
        return out;
    }
}
