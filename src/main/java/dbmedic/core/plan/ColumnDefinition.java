package dbmedic.core.plan;

import java.util.List;

/**
 * What matters about a column definition ({@code name type constraints...}) for ALTER TABLE
 * ADD COLUMN: read from its tokens at parenthesis depth 0, so words inside CHECK (...) or a
 * default expression do not count.
 */
public record ColumnDefinition(String name, boolean primaryKey, boolean unique, boolean notNull,
                               boolean hasDefault, boolean defaultIsNull, boolean defaultConstant,
                               boolean generated, boolean stored, boolean references, boolean check) {

    public static ColumnDefinition parse(String definition) {
        List<SqlToken> t = SqlTokenizer.significant(definition);
        if (t.isEmpty() || !t.get(0).isIdentifier()) {
            throw new IllegalArgumentException("a column definition starts with the column name: " + definition);
        }
        String name = t.get(0).identifier();
        boolean pk = false, unique = false, notNull = false, hasDefault = false, defaultNull = false;
        boolean defaultConstant = true, generated = false, stored = false, references = false, check = false;
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
            SqlToken tok = t.get(i);
            if (tok.isPunct("(")) {
                depth++;
                continue;
            }
            if (tok.isPunct(")")) {
                depth--;
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (tok.isWord("primary")) {
                pk = true;
            } else if (tok.isWord("unique")) {
                unique = true;
            } else if (tok.isWord("not") && i + 1 < t.size() && t.get(i + 1).isWord("null")) {
                notNull = true;
                i++;
            } else if (tok.isWord("references")) {
                references = true;
                i++; // the parent table's name is not a keyword of this column
            } else if (tok.isWord("check")) {
                check = true;
            } else if (tok.isWord("collate")) {
                i++;
            } else if (tok.isWord("as") && i + 1 < t.size() && t.get(i + 1).isPunct("(")) {
                generated = true;
            } else if (generated && tok.isWord("stored")) {
                stored = true;
            } else if (tok.isWord("default") && i + 1 < t.size()) {
                hasDefault = true;
                int end = defaultEnd(t, i + 1);
                List<SqlToken> value = t.subList(i + 1, end);
                defaultNull = value.size() == 1 && value.get(0).isWord("null");
                defaultConstant = constant(value);
                i = end - 1;
            }
        }
        return new ColumnDefinition(name, pk, unique, notNull, hasDefault, defaultNull, defaultConstant,
                generated, stored, references, check);
    }

    /** A default SQLite can evaluate once: a literal, optionally signed, optionally in parentheses. */
    private static boolean constant(List<SqlToken> value) {
        List<SqlToken> v = value;
        while (v.size() >= 2 && v.get(0).isPunct("(") && v.get(v.size() - 1).isPunct(")")) {
            v = v.subList(1, v.size() - 1);
        }
        if (!v.isEmpty() && (v.get(0).isPunct("-") || v.get(0).isPunct("+"))) {
            v = v.subList(1, v.size());
        }
        if (v.size() != 1) {
            return false;
        }
        SqlToken tok = v.get(0);
        return switch (tok.kind()) {
            case STRING, NUMBER, BLOB -> true;
            case WORD -> !(tok.isWord("current_time") || tok.isWord("current_date") || tok.isWord("current_timestamp"));
            default -> false;
        };
    }

    /** Index after the default value: one token, a sign and a token, or a parenthesised expression. */
    private static int defaultEnd(List<SqlToken> t, int start) {
        int i = start;
        if (t.get(i).isPunct("-") || t.get(i).isPunct("+")) {
            i++;
        }
        if (i < t.size() && t.get(i).isPunct("(")) {
            int depth = 0;
            for (; i < t.size(); i++) {
                if (t.get(i).isPunct("(")) {
                    depth++;
                } else if (t.get(i).isPunct(")") && --depth == 0) {
                    return i + 1;
                }
            }
            return t.size();
        }
        return Math.min(i + 1, t.size());
    }

    /** A default other than NULL is present. */
    public boolean nonNullDefault() {
        return hasDefault && !defaultIsNull;
    }
}
