package dbmedic.core.check;

import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.knowledge.ErrorPattern;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

    /**
     * The pack's own cause text for this finding, when its error catalog has one: an entry
     * with the same finding id whose subject is this subject, or whose pattern matches the
     * error the app would print ({@code errorTexts}) and yields this subject ($1.. expanded).
     */
    static Optional<String> knownCause(CheckContext context, String findingId, String subject, String... errorTexts) {
        Optional<AppPack> pack = context.app().pack();
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        for (ErrorPattern p : pack.get().errors()) {
            if (!findingId.equals(p.findingId()) || p.cause() == null || p.cause().isBlank() || p.subject() == null) {
                continue;
            }
            if (p.subject().equalsIgnoreCase(subject)) {
                return Optional.of(p.cause());
            }
            for (String text : errorTexts) {
                Optional<String> cause = causeIfMatches(p, text, subject);
                if (cause.isPresent()) {
                    return cause;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> causeIfMatches(ErrorPattern p, String text, String subject) {
        if (!p.regex()) {
            return Optional.empty(); // a plain pattern's subject has no groups; the exact match above covers it
        }
        Matcher m;
        try {
            m = Pattern.compile(p.match()).matcher(text);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        if (!m.find() || !expand(p.subject(), m).equalsIgnoreCase(subject)) {
            return Optional.empty();
        }
        return Optional.of(expand(p.cause(), m));
    }

    /** Replaces $1..$9 with the groups (absent groups: empty), as the explain matcher does. */
    private static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int group = template.charAt(++i) - '0';
                String value = group <= m.groupCount() ? m.group(group) : null;
                out.append(value == null ? "" : value);
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
