package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POSIX path rules as the server applies them (the server runs on Linux even when DB Medic
 * does not), so no java.nio.file.Path here.
 */
public final class ServerPaths {

    private ServerPaths() {
    }

    public static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    /** Folder holding {@code path}; null for the root or a bare name. */
    public static String parent(String path) {
        String p = canonicalize(path);
        int slash = p.lastIndexOf('/');
        if (p.equals("/") || slash < 0) {
            return null;
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    /** Collapses duplicate slashes, "." and ".." parts, and drops a trailing slash. */
    public static String canonicalize(String path) {
        boolean abs = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!(part.equals("..") && abs)) {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        return abs ? "/" + joined : (joined.isEmpty() ? "." : joined);
    }

    /**
     * PostgreSQL's AbsoluteConfigLocation: a relative name is taken relative to the folder
     * of the file that refers to it.
     */
    public static String resolveAgainstFile(String name, String referencingFile) {
        if (isAbsolute(name)) {
            return canonicalize(name);
        }
        String dir = parent(referencingFile);
        return canonicalize((dir == null ? "" : dir) + "/" + name);
    }

    /** Compares like strcmp in the C locale: by unsigned UTF-8 bytes. */
    public static int compareC(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * GetConfFilesInDir: the regular files in {@code dir} whose names end in ".conf" and do
     * not start with ".", as full paths in C-locale name order; empty when the folder is
     * missing.
     */
    public static Optional<List<String>> confFilesInDir(ServerFiles files, String dir) throws IOException {
        Optional<List<String>> names = files.listRegularFiles(dir);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> picked = new ArrayList<>();
        for (String n : names.get()) {
            if (!n.startsWith(".") && n.endsWith(".conf")) {
                picked.add(n);
            }
        }
        picked.sort(ServerPaths::compareC);
        List<String> paths = new ArrayList<>();
        for (String n : picked) {
            paths.add(canonicalize(dir + "/" + n));
        }
        return Optional.of(paths);
    }
}
