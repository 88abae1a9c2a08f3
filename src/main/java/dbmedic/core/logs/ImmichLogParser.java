package dbmedic.core.logs;

import dbmedic.core.explain.ErrorExplainer;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * Turns Immich server log lines into {@link LogEvent}s: Nest's console format
 * (immich.md §4.5), with Docker Compose's {@code immich_server  | } prefix and terminal
 * colour codes removed first; error lines are matched to findings by the packs' known
 * error strings (the same {@link ErrorExplainer} as {@code dbmedic explain}).
 */
public final class ImmichLogParser {
    private final Function<String, List<Finding>> explain;

    /** @param explain text → findings, e.g. {@code medic::explain} */
    public ImmichLogParser(Function<String, List<Finding>> explain) {
        this.explain = explain;
    }

    /** A parser with the packs shipped in the app. */
    public static ImmichLogParser withPacks() {
        ErrorExplainer explainer = new ErrorExplainer(PackRegistry.load());
        return new ImmichLogParser(explainer::explain);
    }

    public LogEvent parse(String line) {
        throw new UnsupportedOperationException("not yet");
    }
}
