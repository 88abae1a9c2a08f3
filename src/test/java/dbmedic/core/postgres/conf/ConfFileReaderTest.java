package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** postgresql.conf syntax (postgres.md 3.5): one item per line, quoting, comments, includes. */
class ConfFileReaderTest {

    private static final String CONF = "/etc/postgresql/postgresql.conf";

    private static ConfFileReader read(MemoryServerFiles files) throws IOException {
        ConfFileReader r = new ConfFileReader(files);
        r.readTopLevel(CONF, true);
        return r;
    }

    private static ConfFileReader read(String text) throws IOException {
        return read(new MemoryServerFiles().file(CONF, text));
    }

    private static String value(String line) throws IOException {
        ConfFileReader r = read(line + "\n");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        return r.entries().get(0).value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port = 5433                              | 5433",
        "port 5433                                | 5433",
        "port=5433                                | 5433",
        "  port   =   5433   # trailing comment   | 5433",
        "shared_buffers = 128MB                   | 128MB",
        "checkpoint_completion_target = 0.9       | 0.9",
        "seq_page_cost = .5                       | .5",
        "random_page_cost = 1.5e1                 | 1.5e1",
        "statement_timeout = -1                   | -1",
        "work_mem = 0x10                          | 0x10",
        "fsync = off                              | off",
        "listen_addresses = '*'                   | *",
        "timezone = Europe/Berlin                 | Europe/Berlin",
        "log_line_prefix = '%m [%p] '             | '%m [%p] '",
        "search_path = '\"$user\", public'        | '\"$user\", public'",
        "application_name = 'it''s'               | it's",
        "application_name = 'it\\'s'              | it's",
        "application_name = 'a#b'                 | a#b",
        "application_name = 'tab\\there'          | 'tab\there'",
        "application_name = '\\101\\102'          | AB",
        "application_name = ''                    | ''",
        "custom.setting = on                      | on",
        "shared_preload_libraries = '\"vectors.so\"' | '\"vectors.so\"'",
    })
    void values(String line, String expected) throws IOException {
        String want = expected.length() >= 2 && expected.startsWith("'") && expected.endsWith("'")
                ? expected.substring(1, expected.length() - 1) : expected;
        assertEquals(want.replace("\\t", "\t"), value(line));
    }

    @Test
    void entriesKeepNameFileAndLine() throws IOException {
        ConfFileReader r = read("# comment\n\nMax_Connections = 100\nport = 5432");
        assertEquals(List.of(new ConfEntry("Max_Connections", "100", CONF, 3, SettingSource.CONFIGURATION_FILE),
                new ConfEntry("port", "5432", CONF, 4, SettingSource.CONFIGURATION_FILE)), r.entries());
        assertEquals("max_connections", r.entries().get(0).key());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port = 5432 5433                | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"5433\"",
        "port =                          | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near end of line",
        "= 5432                          | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"=\"",
        "listen_addresses = 'localhost   | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"'\"",
        "unix_socket_directories = /run  | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"/\"",
        "shared_preload_libraries = vectors.so | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"vectors.so\"",
        "a.b.c = 1                       | 1 | syntax error in file \"/etc/postgresql/postgresql.conf\" line 1, near token \"a.b.c\"",
    })
    void malformedLineIsReportedWithFileAndLine(String line, int lineNo, String message) throws IOException {
        ConfFileReader r = read("port = 5432\n" + line + "\nmax_connections = 10\n");
        ConfProblem p = r.problems().get(0);
        assertEquals(1, r.problems().size());
        assertEquals(message.replace("line 1", "line 2"), p.message());
        assertEquals(lineNo + 1, p.line());
        assertEquals(CONF, p.file());
        assertTrue(p.fatal());
        // The server still reads the rest to report every error; the good lines are kept.
        assertEquals(List.of("port", "max_connections"), r.entries().stream().map(ConfEntry::name).toList());
    }

    @Test
    void syntaxErrorOnTheLastLineWithoutNewline() throws IOException {
        ConfFileReader r = read("port = 5432\nport =");
        assertEquals("syntax error in file \"" + CONF + "\" line 2, near end of line", r.problems().get(0).message());
    }

    @Test
    void includesAreRelativeNestedAndInPlace() throws IOException {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(CONF, "port = 1\ninclude 'conf.d/a.conf'\nport = 4\nINCLUDE_IF_EXISTS 'missing.conf'\n"
                        + "include_dir 'more'\n")
                .file("/etc/postgresql/conf.d/a.conf", "port = 2\ninclude = 'b.conf'\n")
                .file("/etc/postgresql/conf.d/b.conf", "port = 3\n")
                .file("/etc/postgresql/more/20.conf", "work_mem = 20MB\n")
                .file("/etc/postgresql/more/10.conf", "work_mem = 10MB\n")
                .file("/etc/postgresql/more/Z.conf", "work_mem = Z\n")
                .file("/etc/postgresql/more/.hidden.conf", "work_mem = hidden\n")
                .file("/etc/postgresql/more/x.conf.disabled", "work_mem = disabled\n");
        ConfFileReader r = read(files);
        assertEquals(List.of("1", "2", "3", "4", "10MB", "20MB", "Z"), r.entries().stream().map(ConfEntry::value).toList());
        assertEquals(List.of(CONF, "/etc/postgresql/conf.d/a.conf", "/etc/postgresql/conf.d/b.conf",
                "/etc/postgresql/more/10.conf", "/etc/postgresql/more/20.conf", "/etc/postgresql/more/Z.conf"),
                r.filesRead());
        ConfProblem skipped = r.problems().get(0);
        assertFalse(skipped.fatal());
        assertEquals("skipping missing configuration file \"/etc/postgresql/missing.conf\"", skipped.message());
        assertEquals(1, r.problems().size());
    }

    @Test
    void missingIncludeAndDirectoryAreFatal() throws IOException {
        ConfFileReader r = read("include 'nope.conf'\ninclude_dir 'nodir'\ninclude ''\n");
        assertEquals(List.of(
                "could not open configuration file \"/etc/postgresql/nope.conf\": No such file or directory",
                "could not open configuration directory \"/etc/postgresql/nodir\": No such file or directory",
                "empty configuration file name: \"\""),
                r.problems().stream().map(ConfProblem::message).toList());
        assertEquals(List.of(1, 2, 3), r.problems().stream().map(ConfProblem::line).toList());
        assertTrue(r.problems().stream().allMatch(ConfProblem::fatal));
    }

    @Test
    void fileIncludingItselfIsRecursion() throws IOException {
        ConfFileReader r = read("port = 1\ninclude 'postgresql.conf'\n");
        assertEquals("configuration file recursion in \"" + CONF + "\"", r.problems().get(0).message());
        assertEquals(2, r.problems().get(0).line());
        assertTrue(r.problems().get(0).fatal());
    }

    @Test
    void indirectIncludeLoopHitsTheDepthLimit() throws IOException {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(CONF, "include 'a.conf'\n")
                .file("/etc/postgresql/a.conf", "include 'b.conf'\n")
                .file("/etc/postgresql/b.conf", "include 'a.conf'\n");
        ConfFileReader r = read(files);
        assertTrue(r.problems().get(0).message().endsWith("maximum nesting depth exceeded"), r.problems().toString());
        assertTrue(r.problems().get(0).fatal());
    }

    @Test
    void errorsInAnIncludedFileNameThatFile() throws IOException {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(CONF, "include 'extra.conf'\n")
                .file("/etc/postgresql/extra.conf", "\n\nbad line here\n");
        ConfProblem p = read(files).problems().get(0);
        assertEquals("/etc/postgresql/extra.conf", p.file());
        assertEquals(3, p.line());
    }
}
