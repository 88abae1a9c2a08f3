package dbmedic.core.logs;

import java.nio.file.Path;
import java.util.Map;

/** Opens a local source for a spec: files directly, the others through their command line tool. */
public final class LogSources {
    private LogSources() {
    }

    public static LogSource open(LogSourceSpec spec, Tail tail) throws LogSourceException {
        return open(spec, tail, Map.of());
    }

    /**
     * @param environment variables set for the child process (e.g. PATH, KUBECONFIG); the
     *        executable is looked up on this PATH when it is given
     */
    public static LogSource open(LogSourceSpec spec, Tail tail, Map<String, String> environment) throws LogSourceException {
        return switch (spec.kind()) {
            case FILE -> new FileLogSource(Path.of(spec.name()), tail);
            case DOCKER, KUBECTL, JOURNAL -> new ProcessLogSource(spec, tail, environment);
        };
    }
}
