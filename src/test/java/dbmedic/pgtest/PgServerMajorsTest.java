package dbmedic.pgtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each configured major really starts, with the fixture extensions available but not installed. */
class PgServerMajorsTest {

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void startsTheRequestedMajorWithFixtureExtensionsAvailable(int major) {
        try (PgServer pg = PgServer.start(major)) {
            int versionNum = Integer.parseInt(pg.queryValue("postgres", "SHOW server_version_num"));
            assertEquals(major, versionNum / 10000);
            assertEquals(major, pg.major());

            List<String> available = pg.queryColumn("postgres",
                    "SELECT name || ' ' || default_version || ' ' || coalesce(installed_version, '-')"
                            + " FROM pg_available_extensions WHERE name IN ('vector', 'vectors', 'vchord') ORDER BY name");
            assertEquals(List.of("vchord 0.4.3 -", "vector 0.8.0 -", "vectors 0.2.0 -"), available);

            List<String> versions = pg.queryColumn("postgres",
                    "SELECT name || ' ' || version || ' ' || superuser || ' ' || trusted"
                            + " FROM pg_available_extension_versions WHERE name = 'vchord' ORDER BY version");
            assertEquals(List.of("vchord 0.3.0 true false", "vchord 0.4.3 true false"), versions);

            assertTrue(pg.dataDirectory().resolve("PG_VERSION").toFile().isFile());
        }
    }
}
