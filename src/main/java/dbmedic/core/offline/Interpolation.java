package dbmedic.core.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker Compose's variable substitution: {@code $$} is a literal dollar; {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset),
 * {@code ${VAR:?message}} / {@code ${VAR?message}} (required), {@code ${VAR:+alt}} /
 * {@code ${VAR+alt}}. Defaults may hold further substitutions. Unset variables become empty
 * and are noted, as Compose warns about them.
 */
final class Interpolation {

    /** The text after substitution and what Compose would have said about it. */
    record Result(String text, List<String> notes) {
    }

    private final Map<String, String> vars;
    private final List<String> notes = new ArrayList<>();

    private Interpolation(Map<String, String> vars) {
        this.vars = vars;
    }

    static Result apply(String text, Map<String, String> vars) {
        Interpolation i = new Interpolation(vars);
        String out = i.substitute(text);
        return new Result(out, List.copyOf(i.notes));
    }

    private String substitute(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = s.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(s, i + 2);
                if (close < 0) {
                    notes.add("invalid interpolation format: \"" + s.substring(i) + "\"");
                    out.append(s, i, s.length());
                    break;
                }
                out.append(braced(s.substring(i + 2, close)));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < s.length() && isNamePart(s.charAt(end))) {
                    end++;
                }
                out.append(lookup(s.substring(i + 1, end)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String body) {
        int n = 0;
        while (n < body.length() && isNamePart(body.charAt(n))) {
            n++;
        }
        String name = body.substring(0, n);
        String rest = body.substring(n);
        String value = vars.get(name);
        if (rest.isEmpty()) {
            return lookup(name);
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String arg = rest.substring(colon ? 2 : 1);
        boolean missing = value == null || (colon && value.isEmpty());
        switch (op) {
            case "-":
                return missing ? substitute(arg) : value;
            case "?":
                if (missing) {
                    notes.add("required variable " + name + " is missing a value: " + substitute(arg));
                    return "";
                }
                return value;
            case "+":
                return missing ? "" : substitute(arg);
            default:
                notes.add("invalid interpolation format: \"${" + body + "}\"");
                return "";
        }
    }

    private String lookup(String name) {
        String v = vars.get(name);
        if (v == null) {
            notes.add("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return v;
    }

    private static int matchingBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
