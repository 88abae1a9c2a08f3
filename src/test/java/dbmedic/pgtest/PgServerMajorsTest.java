package dbmedic.pgtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each configured major really starts, with the fixture extensions available but not installed. */
class PgServerMajorsTest {

    private static final Map<Integer, PgServer> SERVERS = new TreeMap<>();

    /** One server per major, shared by the tests of this class. */
    private static synchronized PgServer server(int major) {
        return SERVERS.computeIfAbsent(major, PgServer::start);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(PgServer::close);
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void startsTheRequestedMajor(int major) {
        PgServer pg = server(major);
        int versionNum = Integer.parseInt(pg.queryValue("postgres", "SHOW server_version_num"));
        assertEquals(major, versionNum / 10000);
        assertEquals(major, pg.major());
        assertEquals(Integer.toString(major), pg.queryValue("postgres", "SELECT current_setting('server_version_num')::int / 10000"));
        assertTrue(pg.dataDirectory().resolve("PG_VERSION").toFile().isFile());
        assertEquals("false", pg.queryValue("postgres", "SELECT pg_is_in_recovery()::text"));
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void fixtureExtensionsAreAvailableButNotInstalled(int major) {
        PgServer pg = server(major);
        List<String> available = pg.queryColumn("postgres",
                "SELECT name || ' ' || default_version || ' ' || coalesce(installed_version, '-')"
                        + " FROM pg_available_extensions WHERE name IN ('vector', 'vectors', 'vchord') ORDER BY name");
        assertEquals(List.of("vchord 0.4.3 -", "vector 0.8.0 -", "vectors 0.2.0 -"), available);

        List<String> versions = pg.queryColumn("postgres",
                "SELECT name || ' ' || version || ' superuser=' || superuser || ' trusted=' || trusted"
                        + " || ' requires=' || coalesce(array_to_string(requires, ','), '-')"
                        + " FROM pg_available_extension_versions WHERE name = 'vchord' ORDER BY version");
        assertEquals(List.of("vchord 0.3.0 superuser=true trusted=false requires=vector",
                "vchord 0.4.3 superuser=true trusted=false requires=vector"), versions);
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 17})
    void hbaFileRulesViewHasTheColumnsOfItsMajor(int major) {
        PgServer pg = server(major);
        List<String> columns = pg.queryColumn("postgres",
                "SELECT attname FROM pg_attribute WHERE attrelid = 'pg_catalog.pg_hba_file_rules'::regclass"
                        + " AND attnum > 0 ORDER BY attnum");
        // PostgreSQL 16 added rule_number and file_name in front of line_number.
        List<String> expectedStart = major >= 16
                ? List.of("rule_number", "file_name", "line_number", "type")
                : List.of("line_number", "type");
        assertEquals(expectedStart, columns.subList(0, expectedStart.size()));

        // initdb -A trust: the first rule is "local all all trust", read from this server's own pg_hba.conf.
        assertEquals("local {all} {all} trust", pg.queryValue("postgres",
                "SELECT type || ' ' || database::text || ' ' || user_name::text || ' ' || auth_method"
                        + " FROM pg_hba_file_rules ORDER BY line_number LIMIT 1"));
        if (major >= 16) {
            assertEquals(pg.hbaFile().toString(), pg.queryValue("postgres",
                    "SELECT file_name FROM pg_hba_file_rules ORDER BY rule_number LIMIT 1"));
        }
    }
}
