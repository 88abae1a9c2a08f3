package dbmedic.core.postgres.hba;

/**
 * One word of a pg_hba.conf field (AuthToken). {@code quoted}: the word began with a double
 * quote, so it is never a keyword ({@code "all"} is a database named all).
 */
public record HbaToken(String text, boolean quoted) {

    /** token_is_keyword: unquoted and equal to the keyword. */
    public boolean isKeyword(String keyword) {
        return !quoted && text.equals(keyword);
    }

    /** As it would be written back into the file. */
    @Override
    public String toString() {
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
