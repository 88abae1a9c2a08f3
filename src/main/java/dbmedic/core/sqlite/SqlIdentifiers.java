package dbmedic.core.sqlite;

/** Quoting of SQL identifiers, so hostile table names (quotes, semicolons) stay names. */
public final class SqlIdentifiers {
    private SqlIdentifiers() {
    }

    /** {@code "name"} with embedded double quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code 'text'} with embedded single quotes doubled. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
