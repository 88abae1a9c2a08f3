package dbmedic.core.plan;

import dbmedic.core.plan.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way SQLite's lexer does for the parts DB Medic edits:
 * quoted identifiers, string literals and comments are single tokens, so an edit never
 * reaches inside a literal or a different identifier.
 */
public final class SqlTokenizer {
    private SqlTokenizer() {
    }

    public static List<SqlToken> tokenize(String sql) {
        List<SqlToken> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                kind = Kind.WHITESPACE;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                kind = Kind.COMMENT;
            } else if (c == '\'') {
                i = quotedEnd(sql, i, '\'');
                kind = Kind.STRING;
            } else if (c == '"' || c == '`') {
                i = quotedEnd(sql, i, c);
                kind = Kind.QUOTED_ID;
            } else if (c == '[') {
                int end = sql.indexOf(']', i + 1);
                i = end < 0 ? n : end + 1;
                kind = Kind.QUOTED_ID;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = quotedEnd(sql, i + 1, '\'');
                kind = Kind.BLOB;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                        && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (wordChar(c)) {
                while (i < n && (wordChar(sql.charAt(i)) || Character.isDigit(sql.charAt(i)))) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
                i++;
                kind = Kind.PUNCT;
            }
            out.add(new SqlToken(kind, sql.substring(start, i)));
        }
        return out;
    }

    /** Tokens without whitespace and comments. */
    public static List<SqlToken> significant(String sql) {
        return tokenize(sql).stream().filter(t -> !t.trivia()).toList();
    }

    private static boolean wordChar(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 0x7f;
    }

    /** Index just past the closing quote; a doubled quote is part of the text. */
    private static int quotedEnd(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
