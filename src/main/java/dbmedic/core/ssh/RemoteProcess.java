package dbmedic.core.ssh;

import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalInt;

/** A command running on the SSH server: its output streams and, once it ended, its exit code. */
public interface RemoteProcess extends AutoCloseable {
    /** The command line as sent (quoted), for messages. */
    String commandLine();

    InputStream stdout();

    InputStream stderr();

    /**
     * Waits until the command ends (its output read to the end by the caller, or discarded)
     * and returns its exit code; empty when it did not end within {@code limit}.
     */
    OptionalInt waitFor(Duration limit) throws InterruptedException;

    boolean isRunning();

    /** Stops the command (closes its channel; the server sends it SIGHUP). */
    @Override
    void close();
}
