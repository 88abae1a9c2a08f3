package dbmedic.core.plan;

import java.util.Locale;

/**
 * One lexical token of SQL text, with its exact source text so that joining all tokens
 * gives back the input unchanged.
 */
public record SqlToken(Kind kind, String text) {

    public enum Kind {
        /** Unquoted word: keyword or bare identifier. */
        WORD,
        /** "name", `name` or [name]. */
        QUOTED_ID,
        /** 'text'. */
        STRING,
        NUMBER,
        /** x'ABCD'. */
        BLOB,
        /** Any other single character or operator: ( ) , ; . = etc. */
        PUNCT,
        WHITESPACE,
        COMMENT
    }

    /** Whitespace and comments carry no meaning. */
    public boolean trivia() {
        return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isPunct(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_ID;
    }

    /** The identifier's name: quotes removed and doubled quotes undone. */
    public String identifier() {
        if (kind != Kind.QUOTED_ID) {
            return text;
        }
        char open = text.charAt(0);
        String inner = text.substring(1, text.length() - 1);
        return switch (open) {
            case '"' -> inner.replace("\"\"", "\"");
            case '`' -> inner.replace("``", "`");
            default -> inner;
        };
    }

    /** True when this token names {@code name} (case-insensitive, as SQLite compares names). */
    public boolean names(String name) {
        return isIdentifier() && identifier().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
