package dbmedic.core.explain;

import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;

/** Maps a pasted error (log prefixes, timestamps, tracebacks and all) to findings. */
public final class ErrorExplainer {
    private final PackRegistry packs;

    public ErrorExplainer(PackRegistry packs) {
        this.packs = packs;
    }

    public List<Finding> explain(String text) {
        throw new UnsupportedOperationException("not built yet");
    }
}
