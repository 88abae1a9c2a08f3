package dbmedic.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code [FOREIGN KEY (...)] REFERENCES parent(...)} clauses of a CREATE TABLE
 * text that name a given parent, to quote them as evidence. Only for quoting: whether a
 * key references the parent is decided by PRAGMA foreign_key_list.
 */
final class ReferencesClauses {
    private static final Pattern CLAUSE = Pattern.compile(
            "(?i)(?:FOREIGN\\s+KEY\\s*\\([^)]*\\)\\s*)?REFERENCES\\s+"
                    + "(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*\\]|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_$]*)"
                    + "\\s*(?:\\([^)]*\\))?");

    private ReferencesClauses() {
    }

    static List<String> find(String createSql, String parent) {
        List<String> clauses = new ArrayList<>();
        if (createSql == null) {
            return clauses;
        }
        Matcher m = CLAUSE.matcher(createSql);
        while (m.find()) {
            if (unquote(m.group(1)).equalsIgnoreCase(parent)) {
                clauses.add(m.group().replaceAll("\\s+", " ").trim());
            }
        }
        return clauses;
    }

    static String unquote(String name) {
        char first = name.charAt(0);
        if (first == '"') {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        if (first == '\'') {
            return name.substring(1, name.length() - 1).replace("''", "'");
        }
        if (first == '`' || first == '[') {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
