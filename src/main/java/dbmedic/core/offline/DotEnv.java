package dbmedic.core.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Compose {@code .env} file read with Docker Compose's rules: {@code KEY=VALUE} per line,
 * optional {@code export } prefix, {@code #} comment lines, {@code " #"} starting an inline
 * comment after an unquoted value, single quotes literal, double quotes with backslash escapes
 * and substitution, unquoted values trimmed and substituted (from earlier keys). A key without
 * {@code =} takes its value from the shell, which offline is unknown, so it stays unset.
 *
 * @param values   key to value, in file order
 * @param problems lines Compose would refuse, as {@code line N: text}
 */
record DotEnv(Map<String, String> values, List<String> problems) {

    static DotEnv empty() {
        return new DotEnv(Map.of(), List.of());
    }

    static DotEnv parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String s = text.replace("\r\n", "\n");
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        int i = 0;
        int lineNo = 1;
        while (i < s.length()) {
            int eol = s.indexOf('\n', i);
            if (eol < 0) {
                eol = s.length();
            }
            String line = s.substring(i, eol).strip();
            int startLine = lineNo;
            if (line.isEmpty() || line.startsWith("#")) {
                i = eol + 1;
                lineNo++;
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            String bad = badKeyChar(key);
            if (key.isEmpty() || bad != null) {
                problems.add("line " + startLine + ": unexpected character " + (bad == null ? "\"=\"" : bad)
                        + " in variable name");
                i = eol + 1;
                lineNo++;
                continue;
            }
            if (eq < 0) {
                i = eol + 1; // value comes from the shell environment: unknown offline
                lineNo++;
                continue;
            }
            // Position of the value in the whole text, for quoted values spanning lines.
            int lineStart = s.indexOf(line, i);
            int vpos = lineStart + eq + 1;
            while (vpos < eol && (s.charAt(vpos) == ' ' || s.charAt(vpos) == '\t')) {
                vpos++;
            }
            char q = vpos < s.length() ? s.charAt(vpos) : 0;
            String value;
            int next;
            if (q == '\'' || q == '"') {
                int close = closingQuote(s, vpos + 1, q);
                if (close < 0) {
                    problems.add("line " + startLine + ": unterminated quoted value");
                    break;
                }
                String raw = s.substring(vpos + 1, close);
                value = q == '\'' ? raw : Interpolation.apply(unescape(raw), values).text();
                lineNo += count(raw, '\n');
                int after = s.indexOf('\n', close);
                next = after < 0 ? s.length() : after + 1;
            } else {
                String raw = s.substring(vpos, eol);
                int hash = inlineComment(raw);
                if (hash >= 0) {
                    raw = raw.substring(0, hash);
                }
                value = Interpolation.apply(raw.strip(), values).text();
                next = eol + 1;
            }
            values.put(key, value);
            lineNo++;
            i = next;
        }
        return new DotEnv(Collections.unmodifiableMap(values), List.copyOf(problems));
    }

    private static String badKeyChar(String key) {
        for (char c : key.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']')) {
                return "\"" + c + "\"";
            }
        }
        return null;
    }

    private static int closingQuote(String s, int from, char q) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q == '"') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    private static int inlineComment(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return i;
            }
        }
        return raw.startsWith("#") ? 0 : -1;
    }

    private static String unescape(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '"', '\\', '$' -> b.append(n);
                    default -> b.append('\\').append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (char x : s.toCharArray()) {
            if (x == c) {
                n++;
            }
        }
        return n;
    }
}
