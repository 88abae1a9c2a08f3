package dbmedic.core.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** A short remote command run to its end: its output, error text and exit code. */
final class RemoteCommands {
    /** Output beyond this is cut: these commands print lists and small files, never data. */
    static final int MAX_OUTPUT = 8 * 1024 * 1024;

    private RemoteCommands() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        /** The first line of stderr, for a one-line message. */
        String firstErrorLine() {
            return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + exitCode).strip();
        }
    }

    static Result run(SshConnection c, List<String> argv, Duration limit) throws SshFailure {
        try (RemoteProcess p = c.exec(argv)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.stderr(), err), "ssh-stderr");
            errReader.setDaemon(true);
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(p.stdout(), out);
            OptionalInt code = p.waitFor(limit);
            errReader.join(limit.toMillis());
            if (code.isEmpty()) {
                throw new SshFailure(SshFailure.Kind.TIMEOUT, "No answer in time from: " + p.commandLine());
            }
            if (!c.isConnected() && code.getAsInt() < 0) {
                throw new SshFailure(SshFailure.Kind.CONNECTION_LOST, "The SSH connection to " + c.settings().display()
                        + " was lost while running: " + p.commandLine());
            }
            return new Result(code.getAsInt(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, "Interrupted while running a remote command", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() < MAX_OUTPUT) {
                    out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
                }
            }
        } catch (IOException ignored) {
            // The channel closed: what was read is what there is.
        }
    }
}
