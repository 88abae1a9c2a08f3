package dbmedic.core.check;

import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.knowledge.ErrorPattern;
import java.util.Optional;

/**
 * Shared wording of the schema-drift findings. The cause of a known breakage comes from the
 * pack's error catalog (its {@code cause} for the same finding id and subject), so the
 * story of each app stays in the app's knowledge data, not in engine code.
 */
final class DriftText {
    private DriftText() {
    }

    /** "The database records schema version 15 (v5.0.0)". */
    static String recorded(CheckContext context) {
        AppliedState state = context.app().state().orElseThrow();
        return "The database records " + context.app().identity().name() + " schema version " + state.version()
                + (state.release() == null ? "" : " (" + state.release() + ")");
    }

    /** The pack's own cause text for this finding, when its error catalog has one. */
    static Optional<String> knownCause(CheckContext context, String findingId, String subject) {
        Optional<AppPack> pack = context.app().pack();
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        return pack.get().errors().stream()
                .filter(p -> findingId.equals(p.findingId()))
                .filter(p -> p.subject() != null && p.subject().equalsIgnoreCase(subject))
                .map(ErrorPattern::cause)
                .filter(c -> c != null && !c.isBlank())
                .findFirst();
    }

    static String appName(CheckContext context) {
        return context.app().identity().name();
    }

    static String addedBy(String introducedBy) {
        return introducedBy == null || introducedBy.isBlank() ? "" : " (added by " + introducedBy + ")";
    }

    static String by(String introducedBy) {
        return introducedBy == null || introducedBy.isBlank() ? "" : " (" + introducedBy + ")";
    }
}
