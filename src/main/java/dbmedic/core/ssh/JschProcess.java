package dbmedic.core.ssh;

import com.jcraft.jsch.ChannelExec;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalInt;

/** A command on an exec channel. JSch reports the end only by polling the channel. */
final class JschProcess implements RemoteProcess {
    private final ChannelExec channel;
    private final String commandLine;
    private final InputStream stdout;
    private final InputStream stderr;

    JschProcess(ChannelExec channel, String commandLine, InputStream stdout, InputStream stderr) {
        this.channel = channel;
        this.commandLine = commandLine;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public String commandLine() {
        return commandLine;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public OptionalInt waitFor(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!channel.isClosed()) {
            if (System.nanoTime() > end) {
                return OptionalInt.empty();
            }
            Thread.sleep(20);
        }
        return OptionalInt.of(channel.getExitStatus());
    }

    @Override
    public boolean isRunning() {
        return !channel.isClosed();
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
