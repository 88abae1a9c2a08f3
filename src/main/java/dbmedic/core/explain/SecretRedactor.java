package dbmedic.core.explain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides passwords, tokens and keys in pasted log lines before they become evidence. */
public final class SecretRedactor {
    static final String MASK = "<redacted>";
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|secret_key|token|access_token|refresh_token|api[_-]?key|access[_-]?key|"
                    + "jwt_secret|authorization|bootstrap_password)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&)\\]]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^@\\s/]+@");
    private static final Pattern GPUSTACK_KEY = Pattern.compile("\\bgpustack_[0-9a-f]{8,}_[0-9a-f]{8,}\\b");

    private SecretRedactor() {
    }

    public static String redact(String text) {
        String out = URL_CREDENTIALS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        // Bearer tokens first: "Authorization: Bearer x" would otherwise only lose the word "Bearer".
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return GPUSTACK_KEY.matcher(out).replaceAll(MASK);
    }
}
