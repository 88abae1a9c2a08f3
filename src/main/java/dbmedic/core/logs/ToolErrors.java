package dbmedic.core.logs;

import java.util.Optional;

/**
 * Recognises the log tools' own error lines ({@code Error response from daemon: No such
 * container: x}, {@code Error from server (NotFound): pods "x" not found}, ...) and turns a
 * failed run into one line for the user. Public for the SSH layer, which runs the same
 * commands on a server.
 */
public final class ToolErrors {
    private ToolErrors() {
    }

    /** True for a line the tool printed about itself rather than a log line of the app. */
    public static boolean isToolLine(LogSourceSpec.Kind kind, String line) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The one-line message for a run that ended with {@code exitCode}, given the tool's
     * own lines (null/empty when none); e.g. "docker: no such container immich_server".
     */
    public static String message(LogSourceSpec spec, int exitCode, String toolOutput) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The message when the tool is not installed, e.g. "docker: command not found". */
    public static String notFound(LogSourceSpec spec) {
        throw new UnsupportedOperationException("not yet");
    }

    static Optional<String> known(LogSourceSpec spec, String line) {
        return Optional.empty();
    }
}
