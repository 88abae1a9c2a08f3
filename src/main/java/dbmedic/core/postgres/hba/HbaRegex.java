package dbmedic.core.postgres.hba;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular-expression database and user values (16+): a value starting with {@code /}, quoted
 * or not, is a regular expression searched (not anchored) in the name.
 *
 * <p>PostgreSQL uses its own ARE flavour; java.util.regex is used instead. For what people
 * write in pg_hba.conf ({@code ^}, {@code $}, classes, {@code \d}, alternation, quantifiers)
 * a search gives the same yes/no answer. Differences: ARE-only escapes such as {@code \m},
 * {@code \M}, {@code \y}, {@code \Y} and {@code [[:<:]]} fail to compile here (reported as an
 * invalid regular expression), Java-only syntax (possessive quantifiers, look-behind) compiles
 * here but not on the server, and error texts after "invalid regular expression" differ.
 */
final class HbaRegex {

    private HbaRegex() {
    }

    static boolean isRegex(HbaToken t, int major) {
        return major >= 16 && t.text().startsWith("/");
    }

    /** The compile error text, or empty when the expression compiles. */
    static Optional<String> compileError(HbaToken t) {
        try {
            Pattern.compile(t.text().substring(1));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression \"" + t.text().substring(1) + "\": " + e.getDescription());
        }
    }

    static boolean find(HbaToken t, String name) {
        return Pattern.compile(t.text().substring(1)).matcher(name).find();
    }
}
