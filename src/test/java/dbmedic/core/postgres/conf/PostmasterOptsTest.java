package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** postmaster.opts: the last start's command line (postgres.md 3.2, 7). */
class PostmasterOptsTest {

    @Test
    void workedExampleFromTheNotes() {
        PostmasterOpts o = PostmasterOpts.parse("/usr/lib/postgresql/15/bin/postgres \"-p\" \"54329\" \"-D\" "
                + "\"/srv/pgdata\" \"-c\" \"shared_preload_libraries=auto_explain\"\n");
        assertEquals("/usr/lib/postgresql/15/bin/postgres", o.program());
        assertEquals(List.of("-p", "54329", "-D", "/srv/pgdata", "-c", "shared_preload_libraries=auto_explain"), o.args());
        assertEquals("/srv/pgdata", o.dataDirectory());
        assertEquals(List.of(new ConfEntry("port", "54329", null, 0, SettingSource.COMMAND_LINE),
                new ConfEntry("shared_preload_libraries", "auto_explain", null, 0, SettingSource.COMMAND_LINE)),
                o.settings());
        assertTrue(o.problems().isEmpty());
    }

    @Test
    void immichComposeCommandWithQuotesInsideAnArgument() {
        PostmasterOpts o = PostmasterOpts.parse("/usr/lib/postgresql/14/bin/postgres \"-c\" "
                + "\"shared_preload_libraries=vectors.so\" \"-c\" \"search_path=\"$user\", public, vectors\" "
                + "\"-c\" \"logging_collector=on\"\n");
        assertEquals(List.of("shared_preload_libraries", "search_path", "logging_collector"),
                o.settings().stream().map(ConfEntry::name).toList());
        assertEquals("\"$user\", public, vectors", o.settings().get(1).value());
    }

    @Test
    void longOptionsAttachedValuesAndShortOptions() {
        PostmasterOpts o = PostmasterOpts.fromArgs("postgres", List.of("--shared-preload-libraries=vchord.so",
                "-cconfig_file=/etc/postgresql/postgresql.conf", "-B", "256MB", "-i", "-l", "-N", "50", "-k", "/run/pg",
                "-F", "-p5433", "-h", "0.0.0.0"));
        assertEquals(List.of("shared_preload_libraries=vchord.so", "config_file=/etc/postgresql/postgresql.conf",
                "shared_buffers=256MB", "listen_addresses=*", "ssl=true", "max_connections=50",
                "unix_socket_directories=/run/pg", "fsync=false", "port=5433", "listen_addresses=0.0.0.0"),
                o.settings().stream().map(e -> e.name() + "=" + e.value()).toList());
    }

    @Test
    void settingWithoutValueWouldStopTheServer() {
        PostmasterOpts o = PostmasterOpts.fromArgs("postgres", List.of("-c", "shared_preload_libraries", "--port"));
        assertEquals(List.of("-c shared_preload_libraries requires a value", "--port requires a value"),
                o.problems().stream().map(ConfProblem::message).toList());
        assertTrue(o.problems().stream().allMatch(ConfProblem::fatal));
    }

    @Test
    void programOnly() {
        PostmasterOpts o = PostmasterOpts.parse("/usr/local/bin/postgres\n");
        assertEquals("/usr/local/bin/postgres", o.program());
        assertEquals(List.of(), o.args());
    }
}
