package dbmedic.core.immich;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as node-semver's {@code coerce()} reads it (what Immich applies to
 * {@code SHOW server_version} and to extension versions): the first run of up to three
 * dot-separated numbers anywhere in the text, missing parts zero, everything else
 * (pre-release tags, distribution suffixes) dropped.
 */
public record SemVer(long major, long minor, long patch) implements Comparable<SemVer> {
    // node-semver's loose COERCE: digits not preceded by a digit, up to three parts.
    private static final Pattern COERCE = Pattern.compile("(^|[^\\d])(\\d{1,16})(?:\\.(\\d{1,16}))?(?:\\.(\\d{1,16}))?(?:$|[^\\d])");

    /** {@code "15.4 (Debian 15.4-1.pgdg120+1)"} → 15.4.0; {@code "1.0.0-rc1"} → 1.0.0; no number → empty. */
    public static Optional<SemVer> coerce(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COERCE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(Long.parseLong(m.group(2)),
                m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
                m.group(4) == null ? 0 : Long.parseLong(m.group(4))));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
