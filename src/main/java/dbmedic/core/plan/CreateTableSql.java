package dbmedic.core.plan;

import dbmedic.core.sqlite.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text of a {@code CREATE TABLE name (...)} statement, split into its name, column
 * definitions and table constraints, so a rebuild can change exactly one part and keep the
 * rest (comments, spacing, quoting) as the app wrote it.
 */
public final class CreateTableSql {
    private static final Set<String> CONSTRAINT_STARTS = Set.of("constraint", "primary", "unique", "check", "foreign");

    private final List<SqlToken> tokens;
    private final int nameFrom;
    private final int nameTo;
    private final int open;
    private final int close;
    /** Token ranges [from, to) of each item between the parentheses, commas excluded. */
    private final List<int[]> items;

    private CreateTableSql(List<SqlToken> tokens, int nameFrom, int nameTo, int open, int close, List<int[]> items) {
        this.tokens = tokens;
        this.nameFrom = nameFrom;
        this.nameTo = nameTo;
        this.open = open;
        this.close = close;
        this.items = items;
    }

    /** @throws IllegalArgumentException when the text is not a plain CREATE TABLE with a column list */
    public static CreateTableSql parse(String sql) {
        List<SqlToken> t = SqlTokenizer.tokenize(sql);
        int i = next(t, 0);
        expectWord(t, i, "create");
        i = next(t, i + 1);
        if (t.get(i).isWord("temp") || t.get(i).isWord("temporary")) {
            throw new IllegalArgumentException("temporary tables are not rebuilt");
        }
        expectWord(t, i, "table");
        i = next(t, i + 1);
        if (t.get(i).isWord("if")) {
            i = next(t, next(t, next(t, i + 1) + 1) + 1); // IF NOT EXISTS
        }
        int nameFrom = i;
        int open = -1;
        for (int k = i; k < t.size(); k++) {
            if (t.get(k).isPunct("(")) {
                open = k;
                break;
            }
            if (t.get(k).isWord("as")) {
                throw new IllegalArgumentException("CREATE TABLE ... AS SELECT has no column list");
            }
        }
        if (open < 0) {
            throw new IllegalArgumentException("no column list");
        }
        int nameTo = open;
        while (nameTo > nameFrom && t.get(nameTo - 1).trivia()) {
            nameTo--;
        }
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int itemStart = open + 1;
        int close = -1;
        for (int k = open + 1; k < t.size() && close < 0; k++) {
            SqlToken tok = t.get(k);
            if (tok.isPunct("(")) {
                depth++;
            } else if (tok.isPunct(")")) {
                if (depth == 0) {
                    items.add(new int[]{itemStart, k});
                    close = k;
                } else {
                    depth--;
                }
            } else if (tok.isPunct(",") && depth == 0) {
                items.add(new int[]{itemStart, k});
                itemStart = k + 1;
            }
        }
        if (close < 0) {
            throw new IllegalArgumentException("unbalanced parentheses");
        }
        return new CreateTableSql(t, nameFrom, nameTo, open, close, items);
    }

    /** Column definitions, in order, as written (without surrounding whitespace). */
    public List<String> columnDefinitions() {
        return items.stream().filter(r -> !isConstraint(r)).map(r -> text(r[0], r[1]).strip()).toList();
    }

    /** Table constraints, in order, as written. */
    public List<String> tableConstraints() {
        return items.stream().filter(this::isConstraint).map(r -> text(r[0], r[1]).strip()).toList();
    }

    /** The statement with the table name replaced by {@code newName} (quoted). */
    public String withName(String newName) {
        return text(0, nameFrom) + SqlIdentifiers.quote(newName) + text(nameTo, tokens.size());
    }

    /** A copy with {@code definitions} appended after the last column definition. */
    public CreateTableSql withColumns(List<String> definitions) {
        if (definitions.isEmpty()) {
            return this;
        }
        int lastColumnEnd = -1;
        for (int[] r : items) {
            if (!isConstraint(r)) {
                lastColumnEnd = lastSignificant(r) + 1;
            }
        }
        if (lastColumnEnd < 0) {
            throw new IllegalArgumentException("table has no column definitions");
        }
        StringBuilder added = new StringBuilder();
        for (String d : definitions) {
            added.append(", ").append(d.strip());
        }
        return parse(text(0, lastColumnEnd) + added + text(lastColumnEnd, tokens.size()));
    }

    /**
     * A copy in which every {@code REFERENCES wrong} names {@code right} instead; only the
     * identifier right after the keyword REFERENCES is compared, never literals or other names.
     */
    public CreateTableSql withReferencesRenamed(String wrong, String right) {
        StringBuilder sb = new StringBuilder();
        boolean afterReferences = false;
        for (SqlToken tok : tokens) {
            if (tok.trivia()) {
                sb.append(tok.text());
                continue;
            }
            if (afterReferences && tok.names(wrong)) {
                sb.append(SqlIdentifiers.quote(right));
            } else {
                sb.append(tok.text());
            }
            afterReferences = tok.isWord("references");
        }
        return parse(sb.toString());
    }

    /** How many REFERENCES clauses name {@code parent}. */
    public int referencesTo(String parent) {
        int count = 0;
        boolean afterReferences = false;
        for (SqlToken tok : tokens) {
            if (tok.trivia()) {
                continue;
            }
            if (afterReferences && tok.names(parent)) {
                count++;
            }
            afterReferences = tok.isWord("references");
        }
        return count;
    }

    public String sql() {
        return text(0, tokens.size());
    }

    @Override
    public String toString() {
        return sql();
    }

    private boolean isConstraint(int[] r) {
        int k = firstSignificant(r);
        return k >= 0 && tokens.get(k).kind() == SqlToken.Kind.WORD
                && CONSTRAINT_STARTS.contains(tokens.get(k).text().toLowerCase(java.util.Locale.ROOT));
    }

    private int firstSignificant(int[] r) {
        for (int k = r[0]; k < r[1]; k++) {
            if (!tokens.get(k).trivia()) {
                return k;
            }
        }
        return -1;
    }

    private int lastSignificant(int[] r) {
        for (int k = r[1] - 1; k >= r[0]; k--) {
            if (!tokens.get(k).trivia()) {
                return k;
            }
        }
        return r[0] - 1;
    }

    private String text(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    private static int next(List<SqlToken> t, int from) {
        int k = from;
        while (k < t.size() && t.get(k).trivia()) {
            k++;
        }
        if (k >= t.size()) {
            throw new IllegalArgumentException("unexpected end of CREATE TABLE");
        }
        return k;
    }

    private static void expectWord(List<SqlToken> t, int i, String word) {
        if (!t.get(i).isWord(word)) {
            throw new IllegalArgumentException("expected " + word.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
