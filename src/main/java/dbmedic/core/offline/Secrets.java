package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Last line of defence for passwords: findings are built without secrets, but a YAML error
 * or a command line could quote one, so every known secret value of the folder is masked.
 */
final class Secrets {

    /** Short or well-known defaults would mask ordinary words ("postgres" is Immich's default password). */
    private static final Set<String> TOO_COMMON = Set.of("postgres", "immich", "password");

    private Secrets() {
    }

    static Set<String> of(ComposeProject p) {
        Set<String> out = new LinkedHashSet<>();
        collect(p.env().values(), out);
        p.services().forEach(s -> collect(s.environment(), out));
        return out;
    }

    private static void collect(Map<String, String> env, Set<String> out) {
        env.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            String key = k.toUpperCase(Locale.ROOT);
            if (key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN")) {
                add(v, out);
            }
            if (key.equals("DB_URL")) {
                password(v).ifPresent(pw -> add(pw, out));
            }
        });
    }

    private static void add(String v, Set<String> out) {
        if (v.length() >= 6 && !TOO_COMMON.contains(v.toLowerCase(Locale.ROOT))) {
            out.add(v);
        }
    }

    /** The password part of a URL's user info, as written. */
    static Optional<String> password(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String info = rest.substring(0, at);
        int colon = info.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(info.substring(colon + 1));
    }

    static List<Finding> scrub(List<Finding> findings, Set<String> secrets) {
        if (secrets.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(new Finding(f.id(), f.severity(), mask(f.subject(), secrets), mask(f.summary(), secrets),
                    mask(f.evidence(), secrets), mask(f.cause(), secrets),
                    new Fix(mask(f.fix().summary(), secrets), f.fix().sql().stream().map(s -> mask(s, secrets)).toList()),
                    f.actions()));
        }
        return out;
    }

    private static String mask(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, "****");
        }
        return t;
    }
}
