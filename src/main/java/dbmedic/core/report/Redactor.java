package dbmedic.core.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must not reach a public support thread or a finding's evidence: passwords in
 * URLs and key=value pairs, tokens, API keys, and (when given) the user's home folder, which
 * names the user. One redactor for reports and for pasted log text.
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|passphrase|secret|secret_key|jwt_secret|token|access_token|refresh_token"
                    + "|api[_-]?key|access[_-]?key|authorization|bootstrap_password)"
                    + "(\\s*[=:]\\s*)((?:bearer|basic)\\s+[^\\s,;&]+|\"[^\"]*\"|'[^']*'|[^\\s,;&)\\]]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern GPUSTACK_KEY = Pattern.compile("\\bgpustack_[0-9a-f]{8,}_[0-9a-f]{8,}\\b");

    private final List<String> homes;

    /** Redacts secrets and the current user's home folder. */
    public Redactor() {
        this(System.getProperty("user.home"));
    }

    /** {@code home} null: secrets only (pasted text is the user's own, paths stay readable). */
    public Redactor(String home) {
        this.homes = home == null || home.isBlank() || home.equals("/") ? List.of() : List.of(home);
    }

    public static Redactor secretsOnly() {
        return new Redactor(null);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "$3");
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = BEARER.matcher(out).replaceAll("$1$2" + MASK);
        out = GPUSTACK_KEY.matcher(out).replaceAll(MASK);
        for (String home : homes) {
            out = out.replace(home, "~");
        }
        return out;
    }
}
