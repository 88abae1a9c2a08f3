package dbmedic.core.target;

import java.nio.file.Path;

/**
 * A path as it appears in a one-line message: control characters (a newline in a hostile
 * file name) are shown as {@code ?} so the message stays one line.
 */
public final class PathText {
    private PathText() {
    }

    public static String of(Path path) {
        return of(path.toString());
    }

    public static String of(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append('?');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
