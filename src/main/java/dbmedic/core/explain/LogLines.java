package dbmedic.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits pasted text into lines and removes what log tooling adds in front of the app's own
 * words: Docker Compose service prefixes ({@code invokeai  | }), terminal colour codes.
 * Timestamps and log levels stay: patterns match anywhere in a line.
 */
final class LogLines {
    private static final Pattern NEWLINES = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern ANSI = Pattern.compile("\\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern COMPOSE_PREFIX = Pattern.compile("^\\s*[A-Za-z0-9][\\w.-]*(?:-\\d+)?\\s+\\|\\s?");

    private LogLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String raw : NEWLINES.split(text, -1)) {
            String line = ANSI.matcher(raw).replaceAll("");
            line = COMPOSE_PREFIX.matcher(line).replaceFirst("");
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
