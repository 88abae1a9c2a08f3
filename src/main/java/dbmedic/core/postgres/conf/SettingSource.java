package dbmedic.core.postgres.conf;

/** The pg_settings {@code source} values a data directory can explain offline. */
public enum SettingSource {
    /** postgresql.conf, postgresql.auto.conf or an included file. */
    CONFIGURATION_FILE("configuration file"),
    /** {@code -c name=value}, {@code --name=value} or a short option on the postmaster command line. */
    COMMAND_LINE("command line");

    private final String pgName;

    SettingSource(String pgName) {
        this.pgName = pgName;
    }

    /** The text pg_settings.source shows. */
    public String pgName() {
        return pgName;
    }
}
