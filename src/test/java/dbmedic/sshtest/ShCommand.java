package dbmedic.sshtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request run as {@code sh -c COMMAND} (what OpenSSH's sshd does with the user's
 * shell), with a folder of stand-in commands first on PATH. stdin is closed at once: the
 * commands DB Medic runs read none.
 */
final class ShCommand implements Command {
    private final String command;
    private final Path bin;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ShCommand(String command, Path bin) {
        this.command = command;
        this.bin = bin;
    }

    @Override
    public void setInputStream(InputStream in) {
        // not used
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command);
        if (bin != null) {
            pb.environment().put("PATH", bin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        }
        process = pb.start();
        process.getOutputStream().close();
        Thread errPump = pump(process.getErrorStream(), err, "err");
        Thread outPump = pump(process.getInputStream(), out, "out");
        Thread waiter = new Thread(() -> {
            try {
                int code = process.waitFor();
                outPump.join();
                errPump.join();
                exit.onExit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ssh-test-exec-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the channel or the process went away
            }
        }, "ssh-test-exec-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
