package dbmedic.core.postgres.conf;

import java.util.List;

/**
 * The value a parameter gets from the files and the command line at the next start (what
 * pg_settings would show for {@code setting}, {@code source}, {@code sourcefile},
 * {@code sourceline} if nothing in the database overrides it).
 *
 * @param name       lower-case parameter name
 * @param effective  the entry that wins
 * @param overridden earlier entries for the same name, in reading order (pg_file_settings
 *                   rows with {@code applied = f})
 */
public record Setting(String name, ConfEntry effective, List<ConfEntry> overridden) {

    public String value() {
        return effective.value();
    }

    public SettingSource source() {
        return effective.source();
    }

    /** pg_settings.sourcefile: null for command-line values. */
    public String sourceFile() {
        return effective.file();
    }

    /** pg_settings.sourceline: 0 (NULL) for command-line values. */
    public int sourceLine() {
        return effective.line();
    }
}
