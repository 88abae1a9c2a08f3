package dbmedic.core.ssh;

import dbmedic.core.postgres.backup.DumpFailedException;
import dbmedic.core.postgres.backup.DumpFile;
import dbmedic.core.postgres.backup.DumpSource;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A backup for Docker users: {@code docker exec CONTAINER pg_dump -Fc -U USER DATABASE} runs
 * on the server, inside the database container, so pg_dump's version is the server's by
 * construction; its output streams back over the SSH session into a local file (never held
 * in memory). No password travels: pg_dump inside the container uses the local socket, as
 * the official images allow. The file appears only when pg_dump succeeded and it starts like
 * a custom-format dump; the caller verifies it further ({@code pg_restore --list}).
 */
public final class RemoteDockerDump implements DumpSource {
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private final SshConnection connection;
    private final String container;
    private final String user;
    private final String database;

    public RemoteDockerDump(SshConnection connection, String container, String user, String database) {
        // A name starting with "-" would be read by docker as an option.
        if (!container.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("not a container name: " + container);
        }
        this.connection = connection;
        this.container = container;
        this.user = user;
        this.database = database;
    }

    /** The command as it runs on the server (before quoting). */
    public List<String> command() {
        return command(null);
    }

    /** With {@code --snapshot=ID} when a snapshot is given: the same server, so the same moment. */
    public List<String> command(String snapshot) {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "exec", container, "pg_dump", "-Fc", "-U", user));
        if (snapshot != null) {
            cmd.add("--snapshot=" + snapshot);
        }
        cmd.add("--");
        cmd.add(database);
        return List.copyOf(cmd);
    }

    @Override
    public boolean usesSnapshots() {
        return true;
    }

    @Override
    public DumpFile dumpTo(Path file, Progress progress) throws DumpFailedException, CancelledException {
        return dumpTo(file, null, progress);
    }

    @Override
    public DumpFile dumpTo(Path file, String snapshot, Progress progress) throws DumpFailedException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        boolean done = false;
        RemoteProcess process = null;
        try {
            process = connection.exec(command(snapshot));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            RemoteProcess running = process;
            Thread errReader = new Thread(() -> drain(running.stderr(), err), "ssh-pg_dump-stderr");
            errReader.setDaemon(true);
            errReader.start();
            long bytes = copy(process.stdout(), partial, p);
            OptionalInt exit = process.waitFor(Duration.ofSeconds(60));
            errReader.join(10_000);
            String stderr = err.toString(StandardCharsets.UTF_8).strip();
            if (!connection.isConnected()) {
                throw new DumpFailedException("The SSH connection to " + connection.describe()
                        + " was lost during the dump; the partial file was deleted");
            }
            if (exit.isEmpty() || exit.getAsInt() != 0) {
                throw new DumpFailedException("pg_dump in the container " + container + " failed ("
                        + (exit.isEmpty() ? "no exit code" : "exit code " + exit.getAsInt()) + ")"
                        + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")));
            }
            if (!startsWithMagic(partial)) {
                throw new DumpFailedException("What came back from pg_dump in " + container + " is not a custom-format dump");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return new DumpFile(file, bytes, "pg_dump in the container " + container + " on " + connection.describe());
        } catch (SshFailure e) {
            throw new DumpFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DumpFailedException("The dump could not be written to " + partial + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            if (process != null) {
                process.close();
            }
            if (!done) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Nothing more can be done; its name says it is partial.
                }
            }
        }
    }

    private static long copy(InputStream in, Path to, Progress p) throws IOException, CancelledException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                total += n;
                p.update(total, -1, "pg_dump over SSH: " + total / (1024 * 1024) + " MiB");
                p.checkCancelled();
            }
        }
        return total;
    }

    private static boolean startsWithMagic(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() < 64 * 1024) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the channel closed
        }
    }
}
