package dbmedic.core.postgres.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a library-list parameter ({@code shared_preload_libraries},
 * {@code session_preload_libraries}, {@code local_preload_libraries}) exactly like the
 * server's SplitDirectoriesString: comma-separated, surrounding whitespace ignored, a name
 * in double quotes may hold commas and spaces ({@code ""} inside quotes is one quote).
 * So {@code "vchord.so, vectors.so"} (quotes included) is ONE library with that name.
 *
 * @param valid false when the server would log {@code invalid list syntax in parameter "..."}
 *              and load nothing
 * @param names the library names, path-canonicalised as the server does
 */
public record LibraryList(boolean valid, List<String> names) {

    public static LibraryList parse(String raw) {
        List<String> names = new ArrayList<>();
        int n = raw.length();
        int p = 0;
        while (p < n && isSpace(raw.charAt(p))) {
            p++;
        }
        if (p >= n) {
            return new LibraryList(true, List.of());
        }
        while (true) {
            String name;
            if (raw.charAt(p) == '"') {
                StringBuilder sb = new StringBuilder();
                int q = p + 1;
                while (true) {
                    int end = raw.indexOf('"', q);
                    if (end < 0) {
                        return invalid();
                    }
                    sb.append(raw, q, end);
                    if (end + 1 < n && raw.charAt(end + 1) == '"') {
                        sb.append('"');
                        q = end + 2;
                    } else {
                        p = end + 1;
                        break;
                    }
                }
                name = sb.toString();
            } else {
                int start = p;
                int end = p;
                while (p < n && raw.charAt(p) != ',') {
                    if (!isSpace(raw.charAt(p))) {
                        end = p + 1;
                    }
                    p++;
                }
                if (end == start) {
                    return invalid();
                }
                name = raw.substring(start, end);
            }
            while (p < n && isSpace(raw.charAt(p))) {
                p++;
            }
            names.add(canonicalizePath(name));
            if (p < n && raw.charAt(p) == ',') {
                p++;
                while (p < n && isSpace(raw.charAt(p))) {
                    p++;
                }
                if (p >= n) {
                    return invalid(); // a trailing comma promises one more (empty) name
                }
            } else if (p >= n) {
                return new LibraryList(true, List.copyOf(names));
            } else {
                return invalid();
            }
        }
    }

    private static LibraryList invalid() {
        return new LibraryList(false, List.of());
    }

    /** scanner_isspace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** canonicalize_path, for the cases that occur in library names. */
    private static String canonicalizePath(String name) {
        if (name.indexOf('/') < 0) {
            return name;
        }
        String c = ServerPaths.canonicalize(name);
        return c.equals(".") ? name : c;
    }

    /** The server's start-up failure for a library that cannot be found. */
    public static String missingLibraryMessage(String name) {
        return "could not access file \"" + name + "\": No such file or directory";
    }

    /** The LOG line for a list the server cannot split. */
    public static String invalidListMessage(String parameter) {
        return "invalid list syntax in parameter \"" + parameter + "\"";
    }
}
