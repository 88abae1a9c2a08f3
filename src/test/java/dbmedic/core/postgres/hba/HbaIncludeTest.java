package dbmedic.core.postgres.hba;

import static dbmedic.core.postgres.hba.Hba.DIR;
import static dbmedic.core.postgres.hba.Hba.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.conf.MemoryServerFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** include, include_if_exists, include_dir in 16+ (postgres.md 1.9). */
class HbaIncludeTest {

    private static HbaFile load(int major, MemoryServerFiles files) {
        return Hba.load(HbaOptions.docker(major), files);
    }

    @Test
    void includeIsExpandedInPlaceWithRuleNumbersAcrossFiles() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "local all all trust\ninclude extra/first.conf\nhost all all all md5\n")
                .file(DIR + "/extra/first.conf", "host immich immich 172.18.0.0/16 scram-sha-256\n"
                        + "include \"second file.conf\"\n")
                .file(DIR + "/extra/second file.conf", "\n\nhost all all 10.0.0.0/8 reject\n");
        HbaFile f = load(16, files);
        assertTrue(f.loadable(), f.problems().toString());
        List<HbaRule> r = f.rules();
        assertEquals(4, r.size());
        assertEquals(List.of(1, 2, 3, 4), r.stream().map(HbaRule::ruleNumber).toList());
        assertEquals(List.of(PATH, DIR + "/extra/first.conf", DIR + "/extra/second file.conf", PATH),
                r.stream().map(HbaRule::file).toList());
        assertEquals(List.of(1, 1, 3, 3), r.stream().map(HbaRule::line).toList());
        // The included reject comes before the final catch-all.
        assertTrue(Hba.match(f, Hba.tcp("10.1.2.3", "d", "u")).rejected());
    }

    @Test
    void includeIfExistsSkipsAMissingFileAndLogsIt() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "include_if_exists /etc/postgresql/extra_hba.conf\nhost all all all md5\n");
        HbaFile f = load(16, files);
        assertTrue(f.loadable());
        assertEquals(1, f.rules().size());
        HbaProblem log = f.problems().get(0);
        assertFalse(log.fatal());
        assertEquals("skipping missing authentication file \"/etc/postgresql/extra_hba.conf\"", log.message());
        assertEquals(HbaMessages.skippingMissing("/etc/postgresql/extra_hba.conf"), log.message());
    }

    @Test
    void includeIfExistsReadsAPresentFile() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "include_if_exists more.conf\n")
                .file(DIR + "/more.conf", "host all all all trust\n");
        assertEquals(1, load(17, files).rules().size());
    }

    @Test
    void includeOfAMissingFileIsAnErrorOnTheIncludeLine() {
        MemoryServerFiles files = new MemoryServerFiles().file(PATH, "local all all trust\ninclude gone.conf\n");
        HbaFile f = load(16, files);
        assertFalse(f.loadable());
        HbaProblem p = f.errors().get(0);
        assertEquals("could not open file \"" + DIR + "/gone.conf\": No such file or directory", p.message());
        assertEquals(PATH, p.file());
        assertEquals(2, p.line());
    }

    @Test
    void includeDirTakesDotConfFilesNotStartingWithADotInCOrder() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "include_dir hba.d\nhost all all all reject\n")
                .file(DIR + "/hba.d/b.conf", "host b all all md5\n")
                .file(DIR + "/hba.d/B.conf", "host B all all md5\n")
                .file(DIR + "/hba.d/10-x.conf", "host ten all all md5\n")
                .file(DIR + "/hba.d/a.conf", "host a all all md5\n")
                .file(DIR + "/hba.d/.hidden.conf", "host hidden all all md5\n")
                .file(DIR + "/hba.d/notes.txt", "host txt all all md5\n")
                .file(DIR + "/hba.d/a.conf.bak", "host bak all all md5\n")
                .dir(DIR + "/hba.d/sub.conf");
        HbaFile f = load(16, files);
        assertTrue(f.loadable(), f.problems().toString());
        assertEquals(List.of("ten", "B", "a", "b", "all"),
                f.rules().stream().map(r -> r.databases().get(0).text()).toList());
    }

    @Test
    void includeDirThatDoesNotExistIsAnError() {
        HbaFile f = load(16, new MemoryServerFiles().file(PATH, "include_dir nowhere\n"));
        assertFalse(f.loadable());
        assertEquals("could not open directory \"" + DIR + "/nowhere\"", f.errors().get(0).message());
    }

    @Test
    void errorsInFilesOfAnIncludeDirStayWithThoseFiles() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "local all all trust\ninclude_dir conf.d\n")
                .file(DIR + "/conf.d/a.conf", "include_if_exists gone.conf\nhost a all all md5\n")
                .file(DIR + "/conf.d/b.conf", "include missing1.conf\n")
                .file(DIR + "/conf.d/c.conf", "host c all all md5\n");
        HbaFile f = load(16, files);
        assertFalse(f.loadable());
        assertEquals(1, f.errors().size());
        HbaProblem p = f.errors().get(0);
        assertEquals(DIR + "/conf.d/b.conf", p.file());
        assertEquals("could not open file \"" + DIR + "/conf.d/missing1.conf\": No such file or directory", p.message());
        assertEquals(List.of("all", "a", "c"), f.rules().stream().map(r -> r.databases().get(0).text()).toList());
    }

    @Test
    void includeDirWithEmptyName() {
        HbaFile f = load(16, new MemoryServerFiles().file(PATH, "include_dir \"\"\nhost all all all md5\n"));
        assertEquals("empty configuration directory name: \"\"", f.errors().get(0).message());
    }

    @Test
    void errorsInsideAnIncludedFileNameThatFile() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "include_dir conf.d\n")
                .file(DIR + "/conf.d/01.conf", "# ok\nhost all all all md5\nhost all all all md55\n");
        HbaFile f = load(17, files);
        HbaProblem p = f.errors().get(0);
        assertEquals(DIR + "/conf.d/01.conf", p.file());
        assertEquals(3, p.line());
        assertEquals("invalid authentication method \"md55\"", p.message());
    }

    @Test
    void includeWithAnExtraWordIsNotADirective() {
        HbaFile f = load(16, new MemoryServerFiles().file(PATH, "include a.conf b.conf\n"));
        assertEquals("invalid connection type \"include\"", f.errors().get(0).message());
    }

    @Test
    void includeLoopStopsAtTheDepthLimit() {
        HbaFile f = load(16, new MemoryServerFiles().file(PATH, "include pg_hba.conf\n"));
        assertFalse(f.loadable());
        assertTrue(f.errors().get(0).message().endsWith("maximum nesting depth exceeded"), f.errors().toString());
    }

    @Test
    void sameFilesIn14FailToLoad() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "include_if_exists extra.conf\nhost all all all md5\n");
        HbaFile f = load(14, files);
        assertFalse(f.loadable());
        assertEquals("invalid connection type \"include_if_exists\"", f.errors().get(0).message());
        assertEquals("could not load pg_hba.conf", f.startFailureMessage());
    }
}
