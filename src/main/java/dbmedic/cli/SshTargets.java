package dbmedic.cli;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.DumpSource;
import dbmedic.core.ssh.RemoteDockerDump;
import dbmedic.core.ssh.RemoteFiles;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshFailure;
import dbmedic.core.ssh.Tunnel;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A TARGET behind {@code --ssh}: a {@code postgresql://} URL is reached through a local
 * forward to its host and port as seen from the server; a folder is an Immich compose folder
 * on the server, whose compose file and {@code .env} are copied to a temporary folder for the
 * offline checks. Closing it closes the tunnel, the session and the temporary folder.
 */
final class SshTargets implements AutoCloseable {
    private final SshConnection connection;
    private final Target target;
    private final Tunnel tunnel;
    private final Path copied;

    private SshTargets(SshConnection connection, Target target, Tunnel tunnel, Path copied) {
        this.connection = connection;
        this.target = target;
        this.tunnel = tunnel;
        this.copied = copied;
    }

    static SshTargets open(SshCliOptions ssh, String spec, Medic medic, PrintWriter err)
            throws SshFailure, UnusableInputException {
        String lower = spec.strip().toLowerCase(Locale.ROOT);
        boolean url = lower.startsWith("postgresql://") || lower.startsWith("postgres://");
        Target local = url ? medic.resolve(spec) : null;
        SshConnection c = ssh.open(err);
        try {
            if (local instanceof PostgresTarget pg) {
                Tunnel t = c.forward(pg.host(), pg.port());
                return new SshTargets(c, pg, t, null);
            }
            Path tmp = privateTempFolder();
            try {
                List<String> names = new RemoteFiles(c).copyComposeFolder(spec.strip(), tmp);
                err.println("Copied " + String.join(" and ", names) + " from " + spec.strip() + " on " + c.describe()
                        + " for the offline checks");
                return new SshTargets(c, medic.resolve(tmp.toString()), null, tmp);
            } catch (SshFailure | UnusableInputException | RuntimeException e) {
                delete(tmp);
                throw e;
            }
        } catch (SshFailure | UnusableInputException | RuntimeException e) {
            c.close();
            throw e;
        } catch (IOException e) {
            c.close();
            throw new UnusableInputException("Cannot make a temporary folder for the server's files: " + e.getMessage());
        }
    }

    /** .env holds the database password: the copy is readable by this user only. */
    private static Path privateTempFolder() throws IOException {
        try {
            return Files.createTempDirectory("dbmedic-remote-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException windows) {
            return Files.createTempDirectory("dbmedic-remote-");
        }
    }

    Target target() {
        return target;
    }

    DiagnoseOptions apply(DiagnoseOptions options) {
        return tunnel == null ? options : options.withTunnel(tunnel.endpoint());
    }

    PostgresOptions apply(PostgresOptions options) {
        return tunnel == null ? options : options.withTunnel(tunnel.endpoint());
    }

    /**
     * {@code docker exec CONTAINER pg_dump -Fc} on the server as the URL's user and database
     * (inside the official images pg_dump uses the local socket, so no password travels).
     */
    DumpSource dumpInContainer(String container) throws UnusableInputException {
        if (!(target instanceof PostgresTarget pg)) {
            throw new UnusableInputException("--db-container needs a postgresql:// URL");
        }
        try {
            return new RemoteDockerDump(connection, container, pg.user(), pg.database());
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("--db-container: " + container + " is not a Docker container name");
        }
    }

    /** When a step failed: whether the SSH connection died under it, and then what to say. */
    String lostConnectionNote(Throwable failure) {
        return !connection.lostAfter(failure, java.time.Duration.ofSeconds(5)) ? null : "the SSH connection to " + connection.describe()
                + " was lost; PostgreSQL rolls back whatever transaction was open on it";
    }

    @Override
    public void close() {
        if (tunnel != null) {
            tunnel.close();
        }
        connection.close();
        if (copied != null) {
            delete(copied);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind holds only the copied compose file and .env.
        }
    }
}
