package dbmedic.core.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must not reach a public support thread: passwords in URLs and key=value
 * pairs, tokens and secrets, and the user's home folder (it names the user).
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]+:)([^@\\s]+)(@)");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|passphrase|secret|jwt_secret|token|api[_-]?key|access[_-]?key|authorization)"
                    + "(\\s*[=:]\\s*)((?:bearer|basic)\\s+[^\\s,;&]+|\"[^\"]*\"|'[^']*'|[^\\s,;&]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private final List<String> homes;

    public Redactor() {
        this(System.getProperty("user.home"));
    }

    public Redactor(String home) {
        this.homes = home == null || home.isBlank() || home.equals("/") ? List.of() : List.of(home);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "$3");
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        for (String home : homes) {
            out = out.replace(home, "~");
        }
        return out;
    }
}
