package dbmedic.core.postgres.conf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scanner of PostgreSQL's guc-file.l, rule for rule: the longest match wins and a tie
 * goes to the rule listed first (flex semantics). Bytes 0x80-0xFF count as letters there;
 * here every char from U+0080 up does, which is the same thing for UTF-8 files.
 */
final class ConfLexer {

    enum Kind { ID, QUALIFIED_ID, STRING, UNQUOTED_STRING, INTEGER, REAL, EQUALS, EOL, ERROR, EOF }

    record Token(Kind kind, String text, int line) {
    }

    private static final String LETTER = "[A-Za-z_\\u0080-\\uFFFF]";
    private static final String LETTER_OR_DIGIT = "[A-Za-z_0-9\\u0080-\\uFFFF]";
    private static final String ID = LETTER + LETTER_OR_DIGIT + "*";
    private static final String SIGN = "[-+]";
    // Alternatives ordered so that Java's first-match finds flex's longest match.
    private static final String INTEGER = SIGN + "?(?:0x[0-9a-fA-F]+|[0-9]+)[a-zA-Z]*";
    private static final String EXPONENT = "[Ee]" + SIGN + "?[0-9]+";
    private static final String REAL = SIGN + "?(?:[0-9]+\\.[0-9]*|[0-9]*\\.[0-9]+)(?:" + EXPONENT + ")?";

    /** In rule order, as in guc-file.l. */
    private static final Object[][] RULES = {
        {Kind.ID, Pattern.compile(ID)},
        {Kind.QUALIFIED_ID, Pattern.compile(ID + "\\." + ID)},
        {Kind.STRING, Pattern.compile("'(?:[^'\\\\\\n]|\\\\[^\\n]|'')*'")},
        {Kind.UNQUOTED_STRING, Pattern.compile(LETTER + "(?:" + LETTER_OR_DIGIT + "|[-._:/])*")},
        {Kind.INTEGER, Pattern.compile(INTEGER)},
        {Kind.REAL, Pattern.compile(REAL)},
    };

    private final String text;
    private int pos;
    private int line = 1;

    ConfLexer(String text) {
        this.text = text;
    }

    /** Line the scanner is on (1-based). */
    int line() {
        return line;
    }

    Token next() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", line);
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            pos++;
            return new Token(Kind.EOL, "\n", line++);
        }
        Kind best = null;
        int bestEnd = -1;
        for (Object[] rule : RULES) {
            Matcher m = ((Pattern) rule[1]).matcher(text).region(pos, text.length());
            if (m.lookingAt() && m.end() > bestEnd) {
                best = (Kind) rule[0];
                bestEnd = m.end();
            }
        }
        if (best == null && c == '=') {
            best = Kind.EQUALS;
            bestEnd = pos + 1;
        }
        if (best == null) {
            best = Kind.ERROR;
            bestEnd = pos + 1;
        }
        String t = text.substring(pos, bestEnd);
        pos = bestEnd;
        return new Token(best, t, line);
    }

    /** DeescapeQuotedString: strips the quotes, turns '' into ' and handles backslash escapes. */
    static String deescape(String quoted) {
        StringBuilder out = new StringBuilder();
        int len = quoted.length();
        for (int i = 1; i < len - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                i++;
                char e = quoted.charAt(i);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int k = 0;
                            int oct = 0;
                            while (k < 3 && i + k < len - 1 && quoted.charAt(i + k) >= '0' && quoted.charAt(i + k) <= '7') {
                                oct = (oct << 3) + (quoted.charAt(i + k) - '0');
                                k++;
                            }
                            i += k - 1;
                            out.append((char) (oct & 0xff));
                        } else {
                            out.append(e);
                        }
                    }
                }
            } else if (c == '\'' && i + 1 < len - 1 && quoted.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
