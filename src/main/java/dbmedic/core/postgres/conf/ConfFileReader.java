package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads postgresql.conf-format files the way ParseConfigFile / ParseConfigFp do: one
 * {@code name [=] value} per line, {@code include}, {@code include_if_exists} and
 * {@code include_dir} expanded in place (relative to the including file, nesting up to 10
 * levels), every item kept in reading order.
 */
public final class ConfFileReader {

    /** PostgreSQL's CONF_FILE_MAX_DEPTH. */
    static final int MAX_DEPTH = 10;

    private final ServerFiles files;
    private final List<ConfEntry> entries = new ArrayList<>();
    private final List<ConfProblem> problems = new ArrayList<>();
    private final List<String> filesRead = new ArrayList<>();

    public ConfFileReader(ServerFiles files) {
        this.files = files;
    }

    /** Items read so far, in the order the server would apply them (later wins). */
    public List<ConfEntry> entries() {
        return List.copyOf(entries);
    }

    public List<ConfProblem> problems() {
        return List.copyOf(problems);
    }

    /** Every file actually read, in reading order. */
    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }

    /**
     * Reads a top-level file (absolute path). {@code mustExist}: false for
     * postgresql.auto.conf, whose absence the server only logs.
     */
    public void readTopLevel(String path, boolean mustExist) throws IOException {
        String abs = ServerPaths.canonicalize(path);
        Optional<String> text = files.read(abs);
        if (text.isEmpty()) {
            problems.add(mustExist
                    ? new ConfProblem(abs, 0, "could not access the server configuration file \"" + abs
                            + "\": No such file or directory", true)
                    : new ConfProblem(abs, 0, "skipping missing configuration file \"" + abs + "\"", false));
            return;
        }
        parse(abs, text.get(), 0);
    }

    private boolean readIncluded(String name, boolean strict, String callingFile, int callingLine, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            problems.add(new ConfProblem(callingFile, callingLine, "could not open configuration file \"" + name
                    + "\": maximum nesting depth exceeded", true));
            return false;
        }
        if (name.isBlank()) {
            problems.add(new ConfProblem(callingFile, callingLine,
                    "empty configuration file name: \"" + name + "\"", true));
            return false;
        }
        String abs = ServerPaths.resolveAgainstFile(name, callingFile);
        // The server rejects a file including itself directly (indirect loops hit the depth limit).
        if (abs.equals(callingFile)) {
            problems.add(new ConfProblem(callingFile, callingLine,
                    "configuration file recursion in \"" + callingFile + "\"", true));
            return false;
        }
        Optional<String> text = files.read(abs);
        if (text.isEmpty()) {
            if (strict) {
                problems.add(new ConfProblem(callingFile, callingLine,
                        "could not open configuration file \"" + abs + "\": No such file or directory", true));
                return false;
            }
            problems.add(new ConfProblem(callingFile, callingLine,
                    "skipping missing configuration file \"" + abs + "\"", false));
            return true;
        }
        return parse(abs, text.get(), depth);
    }

    private boolean readDirectory(String name, String callingFile, int callingLine, int depth) throws IOException {
        if (name.isBlank()) {
            problems.add(new ConfProblem(callingFile, callingLine,
                    "empty configuration directory name: \"" + name + "\"", true));
            return false;
        }
        String dir = ServerPaths.resolveAgainstFile(name, callingFile);
        Optional<List<String>> list = ServerPaths.confFilesInDir(files, dir);
        if (list.isEmpty()) {
            problems.add(new ConfProblem(callingFile, callingLine,
                    "could not open configuration directory \"" + dir + "\": No such file or directory", true));
            return false;
        }
        boolean ok = true;
        for (String f : list.get()) {
            ok &= readIncluded(f, true, callingFile, callingLine, depth);
        }
        return ok;
    }

    /** ParseConfigFp: keeps going after a bad line so that every bad line is reported. */
    private boolean parse(String file, String text, int depth) throws IOException {
        filesRead.add(file);
        ConfLexer lex = new ConfLexer(text);
        boolean ok = true;
        ConfLexer.Token t;
        while ((t = lex.next()).kind() != ConfLexer.Kind.EOF) {
            if (t.kind() == ConfLexer.Kind.EOL) {
                continue;
            }
            ConfLexer.Token bad;
            parse:
            {
                if (t.kind() != ConfLexer.Kind.ID && t.kind() != ConfLexer.Kind.QUALIFIED_ID) {
                    bad = t;
                    break parse;
                }
                String name = t.text();
                int line = t.line();
                t = lex.next();
                if (t.kind() == ConfLexer.Kind.EQUALS) {
                    t = lex.next();
                }
                String value;
                switch (t.kind()) {
                    case ID, INTEGER, REAL, UNQUOTED_STRING -> value = t.text();
                    case STRING -> value = ConfLexer.deescape(t.text());
                    default -> {
                        bad = t;
                        break parse;
                    }
                }
                t = lex.next();
                if (t.kind() != ConfLexer.Kind.EOL && t.kind() != ConfLexer.Kind.EOF) {
                    bad = t;
                    break parse;
                }
                String key = ConfEntry.normalizeName(name);
                if (key.equals("include_dir")) {
                    ok &= readDirectory(value, file, line, depth + 1);
                } else if (key.equals("include_if_exists")) {
                    ok &= readIncluded(value, false, file, line, depth + 1);
                } else if (key.equals("include")) {
                    ok &= readIncluded(value, true, file, line, depth + 1);
                } else {
                    entries.add(new ConfEntry(name, value, file, line, SettingSource.CONFIGURATION_FILE));
                }
                if (t.kind() == ConfLexer.Kind.EOF) {
                    return ok;
                }
                continue;
            }
            ok = false;
            String msg = (bad.kind() == ConfLexer.Kind.EOL || bad.kind() == ConfLexer.Kind.EOF)
                    ? "syntax error in file \"" + file + "\" line " + bad.line() + ", near end of line"
                    : "syntax error in file \"" + file + "\" line " + bad.line() + ", near token \"" + bad.text() + "\"";
            problems.add(new ConfProblem(file, bad.line(), msg, true));
            // Resynchronise at the next end of line, like the server.
            while (t.kind() != ConfLexer.Kind.EOL && t.kind() != ConfLexer.Kind.EOF) {
                t = lex.next();
            }
            if (t.kind() == ConfLexer.Kind.EOF) {
                break;
            }
        }
        return ok;
    }
}
