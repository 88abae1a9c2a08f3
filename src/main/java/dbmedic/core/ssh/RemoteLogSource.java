package dbmedic.core.ssh;

import dbmedic.core.logs.LineSink;
import dbmedic.core.logs.LogCommands;
import dbmedic.core.logs.LogSource;
import dbmedic.core.logs.LogSourceException;
import dbmedic.core.logs.LogSourceSpec;
import dbmedic.core.logs.Tail;
import dbmedic.core.logs.ToolOutputReader;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A log source read on the SSH server: the same command the local source would run
 * ({@code docker logs -f}, {@code kubectl logs -f}, {@code journalctl -fu}, {@code tail -F}),
 * quoted for the server's shell and shown to the listener first. Closing it closes the
 * channel (the server hangs the command up); the session stays open.
 */
public final class RemoteLogSource implements LogSource {
    private final SshConnection connection;
    private final LogSourceSpec spec;
    private final Tail tail;
    private volatile boolean closed;
    private volatile RemoteProcess process;

    public RemoteLogSource(SshConnection connection, LogSourceSpec spec, Tail tail) {
        this.connection = connection;
        this.spec = spec;
        this.tail = tail;
    }

    @Override
    public String describe() {
        return ShellQuote.join(LogCommands.command(spec, tail, true)) + " on " + connection.describe();
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        if (closed) {
            return;
        }
        List<String> argv = LogCommands.command(spec, tail, follow);
        RemoteProcess p;
        try {
            p = connection.exec(argv);
        } catch (SshFailure e) {
            throw new LogSourceException(e.getMessage(), e);
        }
        process = p;
        try {
            if (closed) {
                return;
            }
            ToolOutputReader reader = new ToolOutputReader(spec, sink);
            reader.read(p.stdout(), p.stderr(), () -> closed);
            if (closed) {
                return;
            }
            OptionalInt exit = p.waitFor(Duration.ofSeconds(30));
            if (!connection.isConnected()) {
                throw new LogSourceException("The SSH connection to " + connection.describe() + " was lost while reading "
                        + describe());
            }
            reader.checkExit(exit.orElse(-1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        RemoteProcess p = process;
        if (p != null) {
            p.close();
        }
    }
}
