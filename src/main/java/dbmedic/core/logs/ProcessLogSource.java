package dbmedic.core.logs;

import java.util.List;
import java.util.Map;

/**
 * {@code docker logs}, {@code kubectl logs} or {@code journalctl} run as a local child
 * process; stdout and stderr both carry log lines (docker writes the app's stderr to stderr).
 */
public final class ProcessLogSource implements LogSource {
    private final LogSourceSpec spec;
    private final Tail tail;
    private final Map<String, String> environment;

    /** @param environment set for the child; its PATH (if given) is where the tool is looked up */
    public ProcessLogSource(LogSourceSpec spec, Tail tail, Map<String, String> environment) {
        this.spec = spec;
        this.tail = tail;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return String.join(" ", LogCommands.command(spec, tail, true));
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }

    List<String> command(boolean follow) {
        return LogCommands.command(spec, tail, follow);
    }
}
