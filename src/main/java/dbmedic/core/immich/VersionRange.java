package dbmedic.core.immich;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node-semver range as Immich writes it in {@code server/src/constants.ts}, e.g.
 * {@code ">=0.3 <0.5"} or {@code ">=14.0.0"}: space-separated comparators that must all
 * hold, alternatives joined by {@code ||}. Partial versions are zero-filled; the version
 * tested is coerced first, as Immich does, so pre-release tags and suffixes never matter.
 * {@link #text()} is the exact range Immich prints in its messages.
 */
public record VersionRange(String text) {
    private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?\\s*v?(\\d+(?:\\.\\d+){0,2})");

    public VersionRange {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A version range needs text");
        }
        text = text.trim();
        parse(text); // fail early on a range this class cannot evaluate
    }

    /** True when {@code version}, coerced like semver.coerce, satisfies the range; false when it has no number. */
    public boolean contains(String version) {
        Optional<SemVer> v = SemVer.coerce(version);
        return v.isPresent() && contains(v.get());
    }

    public boolean contains(SemVer v) {
        for (List<Comparator> set : parse(text)) {
            if (set.stream().allMatch(c -> c.test(v))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private record Comparator(String op, SemVer bound) {
        boolean test(SemVer v) {
            int c = v.compareTo(bound);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }

    private static List<List<Comparator>> parse(String text) {
        List<List<Comparator>> sets = new ArrayList<>();
        for (String alternative : text.split("\\|\\|")) {
            List<Comparator> set = new ArrayList<>();
            String rest = alternative.trim();
            Matcher m = COMPARATOR.matcher(rest);
            int at = 0;
            while (at < rest.length()) {
                if (Character.isWhitespace(rest.charAt(at))) {
                    at++;
                    continue;
                }
                if (!m.find(at) || m.start() != at) {
                    throw new IllegalArgumentException("Cannot read version range '" + text + "'");
                }
                String op = m.group(1) == null ? "=" : m.group(1);
                set.add(new Comparator(op, SemVer.coerce(m.group(2)).orElseThrow()));
                at = m.end();
            }
            if (set.isEmpty()) {
                throw new IllegalArgumentException("Cannot read version range '" + text + "'");
            }
            sets.add(set);
        }
        return sets;
    }
}
