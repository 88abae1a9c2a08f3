package dbmedic.core.postgres.hba;

import dbmedic.core.postgres.conf.MemoryServerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helper: a pg_hba.conf in memory at {@link #PATH}. */
final class Hba {

    static final String DIR = "/var/lib/postgresql/data";
    static final String PATH = DIR + "/pg_hba.conf";

    private Hba() {
    }

    static HbaFile load(int major, String text) {
        return load(HbaOptions.docker(major), new MemoryServerFiles().file(PATH, text));
    }

    static HbaFile load(HbaOptions options, MemoryServerFiles files) {
        try {
            return new HbaFileParser(files, options).parse(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MatchResult match(HbaFile f, ConnectionRequest r) {
        return HbaMatcher.match(f, r);
    }

    /** Line number of the matching rule, or -1 for no entry. */
    static int line(HbaFile f, ConnectionRequest r) {
        return HbaMatcher.match(f, r).rule().map(HbaRule::line).orElse(-1);
    }

    static ConnectionRequest tcp(String ip, String db, String user) {
        return ConnectionRequest.tcp(ip, db, user);
    }
}
