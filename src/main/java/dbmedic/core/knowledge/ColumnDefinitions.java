package dbmedic.core.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the column definitions out of a CREATE TABLE statement, so a pack need not repeat
 * each column's text: {@code destination TEXT} for column {@code destination}. Table
 * constraints (PRIMARY KEY (...), FOREIGN KEY, UNIQUE (...), CHECK, CONSTRAINT) are skipped.
 */
public final class ColumnDefinitions {
    private static final List<String> TABLE_CONSTRAINTS = List.of("constraint ", "primary key", "foreign key", "unique", "check");

    private ColumnDefinitions() {
    }

    /** Column name (as written, unquoted) → definition with whitespace collapsed; insertion order kept. */
    public static Map<String, String> of(String createTable) {
        String sql = stripComments(createTable);
        int open = sql.indexOf('(');
        if (open < 0) {
            throw new IllegalArgumentException("Not a CREATE TABLE statement: " + abbreviate(createTable));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : splitTopLevel(sql, open + 1)) {
            String def = part.trim().replaceAll("\\s+", " ");
            if (def.isEmpty() || isTableConstraint(def)) {
                continue;
            }
            result.put(unquote(firstToken(def)), def);
        }
        return result;
    }

    private static boolean isTableConstraint(String def) {
        String lower = def.toLowerCase(Locale.ROOT);
        for (String prefix : TABLE_CONSTRAINTS) {
            if (lower.startsWith(prefix) && (prefix.endsWith(" ") || lower.length() == prefix.length()
                    || !Character.isLetterOrDigit(lower.charAt(prefix.length())) && lower.charAt(prefix.length()) != '_')) {
                return true;
            }
        }
        return false;
    }

    /** Parts separated by commas at depth 1 of the parentheses opened just before {@code start}. */
    private static List<String> splitTopLevel(String sql, int start) {
        List<String> parts = new ArrayList<>();
        int depth = 1;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    parts.add(current.toString());
                    return parts;
                }
            } else if (c == ',' && depth == 1) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalArgumentException("Unbalanced parentheses in: " + abbreviate(sql));
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                out.append(c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String firstToken(String def) {
        char first = def.charAt(0);
        char close = first == '"' ? '"' : first == '`' ? '`' : first == '[' ? ']' : 0;
        if (close != 0) {
            int end = def.indexOf(close, 1);
            if (end > 0) {
                return def.substring(0, end + 1);
            }
        }
        int space = def.indexOf(' ');
        return space < 0 ? def : def.substring(0, space);
    }

    private static String unquote(String name) {
        if (name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
