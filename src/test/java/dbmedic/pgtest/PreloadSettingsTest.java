package dbmedic.pgtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two ways an old preload setting survives an Immich upgrade (immich.md §7 item 1) are
 * reproduced for real: the compose {@code command: -c shared_preload_libraries=...} override and
 * a postgresql.auto.conf line left by ALTER SYSTEM; and the vchord stand-in refuses to install
 * without its preload, as the real one does.
 */
class PreloadSettingsTest {

    private static final String PRELOAD_MESSAGE = "vchord must be loaded via shared_preload_libraries.";

    /** PostgreSQL 14 with the pgvecto.rs-era ALTER SYSTEM line in postgresql.auto.conf. */
    private static PgServer autoConf;
    /** PostgreSQL 17 started with -c shared_preload_libraries=vchord.so (the compose command: case). */
    private static PgServer commandLine;

    @BeforeAll
    static void startServers() {
        autoConf = PgServer.builder(14).autoConf("shared_preload_libraries = '\"vectors.so\"'").start();
        commandLine = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so").start();
    }

    @AfterAll
    static void stopServers() {
        autoConf.close();
        commandLine.close();
    }

    @Test
    void autoConfLineIsTheSourceOfThePreloadSetting() {
        assertEquals("\"vectors.so\"", autoConf.queryValue("postgres", "SHOW shared_preload_libraries"));
        assertEquals("configuration file", autoConf.queryValue("postgres",
                "SELECT source FROM pg_settings WHERE name = 'shared_preload_libraries'"));
        String sourceFile = autoConf.queryValue("postgres",
                "SELECT sourcefile FROM pg_settings WHERE name = 'shared_preload_libraries'");
        assertTrue(sourceFile.endsWith("postgresql.auto.conf"), sourceFile);
    }

    @Test
    void vchordCannotBeCreatedWithoutItsPreloadAndNothingIsLeftBehind() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> autoConf.execute("postgres", "CREATE EXTENSION vchord CASCADE"));
        assertTrue(failure.getMessage().contains(PRELOAD_MESSAGE), failure.getMessage());
        // CREATE EXTENSION is transactional: the cascaded vector went away with it.
        assertEquals(List.of(), autoConf.queryColumn("postgres",
                "SELECT extname FROM pg_extension WHERE extname IN ('vector', 'vchord')"));
        // The preloaded one installs.
        autoConf.execute("postgres", "CREATE EXTENSION vectors");
        assertEquals("0.2.0", autoConf.queryValue("postgres",
                "SELECT installed_version FROM pg_available_extensions WHERE name = 'vectors'"));
        autoConf.execute("postgres", "DROP EXTENSION vectors");
    }

    @Test
    void commandLineSettingIsTheSourceAndVchordInstalls() {
        assertEquals("vchord.so", commandLine.queryValue("postgres", "SHOW shared_preload_libraries"));
        assertEquals("command line", commandLine.queryValue("postgres",
                "SELECT source FROM pg_settings WHERE name = 'shared_preload_libraries'"));
        commandLine.execute("postgres", "CREATE EXTENSION vchord CASCADE");
        assertEquals(List.of("vchord 0.4.3", "vector 0.8.0"), commandLine.queryColumn("postgres",
                "SELECT extname || ' ' || extversion FROM pg_extension WHERE extname IN ('vector', 'vchord') ORDER BY 1"));
        commandLine.execute("postgres", "DROP EXTENSION vchord", "DROP EXTENSION vector");
    }

    @Test
    void restartKeepsCommandLineSettings() {
        String before = commandLine.queryValue("postgres", "SELECT pg_postmaster_start_time()::text");
        commandLine.restart();
        assertNotEquals(before, commandLine.queryValue("postgres", "SELECT pg_postmaster_start_time()::text"));
        assertEquals("command line", commandLine.queryValue("postgres",
                "SELECT source FROM pg_settings WHERE name = 'shared_preload_libraries'"));
        assertEquals("vchord.so", commandLine.queryValue("postgres", "SHOW shared_preload_libraries"));
    }
}
