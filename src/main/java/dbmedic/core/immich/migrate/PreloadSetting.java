package dbmedic.core.immich.migrate;

import java.util.Optional;

/**
 * {@code shared_preload_libraries} as the server runs it and where it was set
 * ({@code pg_settings.source}: {@code configuration file}, {@code command line}, {@code default}).
 * The file and line are known only to superusers or members of {@code pg_read_all_settings}.
 * {@code fileValue} is what the configuration files say now ({@code pg_file_settings},
 * superusers only): after an {@code ALTER SYSTEM} it differs from {@code value} until the restart.
 */
public record PreloadSetting(String value, String source, Optional<String> sourceFile, Optional<Integer> sourceLine,
                             Optional<String> fileValue) {
    /** {@code source} when the role may not read the setting (superuser or pg_read_all_settings only). */
    public static final String HIDDEN = "hidden";

    public boolean known() {
        return !HIDDEN.equals(source);
    }

    public boolean fromAutoConf() {
        return sourceFile.map(f -> f.endsWith("postgresql.auto.conf")).orElse(false);
    }

    public boolean fromCommandLine() {
        return "command line".equals(source);
    }

    /**
     * The server still loads {@code library} but its configuration files no longer name it:
     * the change is made and waits for a restart.
     */
    public boolean dropsAtRestart(String library) {
        return fromConfigFile() && Preload.loads(value, library) && fileValue.isPresent()
                && !Preload.loads(fileValue.get(), library);
    }

    public boolean fromConfigFile() {
        return "configuration file".equals(source);
    }
}
