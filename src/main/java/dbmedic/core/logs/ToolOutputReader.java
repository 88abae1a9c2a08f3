package dbmedic.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * Reads a log tool's stdout and stderr into a sink, one line at a time, keeping the tool's own
 * complaints ({@link ToolErrors}) out of it; afterwards turns the exit code into a
 * {@link LogSourceException}. Shared by {@link ProcessLogSource} (a local child) and the SSH
 * layer (the same command run on a server: its channel's two streams and exit status).
 */
public final class ToolOutputReader {
    private static final int MAX_TOOL_OUTPUT = 4000;
    /** How long a closed source waits for the stderr reader, in case something still holds the stream. */
    private static final long CLOSED_JOIN_MS = 2000;

    private final LogSourceSpec spec;
    private final LineSink filtered;
    private final StringBuilder toolOutput = new StringBuilder();

    public ToolOutputReader(LogSourceSpec spec, LineSink sink) {
        this.spec = spec;
        Object sinkLock = new Object();
        this.filtered = text -> {
            if (ToolErrors.isToolLine(spec.kind(), text)) {
                synchronized (toolOutput) {
                    if (toolOutput.length() < MAX_TOOL_OUTPUT) {
                        toolOutput.append(text).append('\n');
                    }
                }
            } else {
                // Two reader threads: the sink sees one line at a time.
                synchronized (sinkLock) {
                    sink.line(text);
                }
            }
        };
    }

    /**
     * Reads stdout on the calling thread and stderr on a helper thread until both end (the
     * tool exited, or was stopped). {@code closed} says whether the source was closed meanwhile.
     */
    public void read(InputStream stdout, InputStream stderr, BooleanSupplier closed) throws InterruptedException {
        Thread errors = new Thread(() -> pumpQuietly(stderr), "dbmedic-logs-stderr " + spec.name());
        errors.setDaemon(true);
        errors.start();
        pumpQuietly(stdout);
        // A grandchild that kept stderr open must not hold a closed source.
        while (errors.isAlive()) {
            if (closed.getAsBoolean()) {
                errors.join(CLOSED_JOIN_MS);
                return;
            }
            errors.join(100);
        }
    }

    /** The tool's own lines seen so far (kept back from the sink). */
    public String toolLines() {
        synchronized (toolOutput) {
            return toolOutput.toString();
        }
    }

    /** Throws the one-line message when the tool failed: a non-zero exit, or its own error text. */
    public void checkExit(int exitCode) throws LogSourceException {
        String tools = toolLines();
        if (exitCode != 0) {
            throw new LogSourceException(ToolErrors.message(spec, exitCode, tools));
        }
        if (tools.contains("No such container")) {
            // Some docker versions print the error yet exit 0.
            throw new LogSourceException(ToolErrors.message(spec, 1, tools));
        }
    }

    private void pumpQuietly(InputStream in) {
        try {
            StreamLines.pump(in, filtered);
        } catch (IOException e) {
            // The stream closes when the tool is stopped: the end of the source.
        }
    }

}
