package dbmedic.core.postgres.conf;

/**
 * One {@code name = value} item as read (like a row of pg_file_settings). {@code name} is
 * as written; compare names with {@link #key()}. {@code file} is null and {@code line} 0 for
 * command-line items.
 */
public record ConfEntry(String name, String value, String file, int line, SettingSource source) {

    /** Lower-case name: PostgreSQL compares parameter names case-insensitively. */
    public String key() {
        return normalizeName(name);
    }

    public static String normalizeName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** Where it came from, for people: {@code /path/postgresql.conf line 3} or {@code command line}. */
    public String where() {
        return source == SettingSource.COMMAND_LINE ? "command line" : file + " line " + line;
    }
}
