package dbmedic.core.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * libpq's password file ({@code ~/.pgpass}, {@code PGPASSFILE}; {@code %APPDATA%\postgresql\pgpass.conf}
 * on Windows) with libpq's rules ({@code fe-connect.c}, {@code passwordFromFile}): lines
 * {@code hostname:port:database:username:password}, {@code #} comments, {@code *} matching
 * anything as a whole field, {@code \:} and {@code \\} escapes, the first matching line wins,
 * and on POSIX the file is ignored when it is not a regular file or when group or others
 * have any access.
 */
public final class PgPass {
    private PgPass() {
    }

    /** What the lookup found: a password, or why the file was not used ({@code warning}). */
    public record Lookup(Optional<char[]> password, Optional<Path> file, Optional<String> warning) {
    }

    /** The file libpq would read: {@code PGPASSFILE}, else the per-user default. */
    public static Path location(Map<String, String> environment, Path home) {
        String explicit = environment.get("PGPASSFILE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String appData = environment.get("APPDATA");
        if (isWindows() && appData != null) {
            return Path.of(appData, "postgresql", "pgpass.conf");
        }
        return home.resolve(".pgpass");
    }

    public static Lookup lookup(Path file, String host, int port, String database, String user) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return new Lookup(Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), Optional.of(file), Optional.of(
                    "password file \"" + file + "\" is not a plain file"));
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                    // libpq's own wording; it then ignores the file.
                    return new Lookup(Optional.empty(), Optional.of(file), Optional.of(
                            "password file \"" + file + "\" has group or world access; permissions should be "
                                    + "u=rw (0600) or less, so it was not used (chmod 600 \"" + file + "\")"));
                }
            }
        } catch (UnsupportedOperationException e) {
            // Windows: libpq does not check permissions there either.
        } catch (IOException e) {
            return new Lookup(Optional.empty(), Optional.of(file), Optional.of(
                    "password file \"" + file + "\" cannot be read: " + e.getMessage()));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Lookup(Optional.empty(), Optional.of(file), Optional.of(
                    "password file \"" + file + "\" cannot be read: " + e.getMessage()));
        }
        return new Lookup(find(text, host, port, database, user), Optional.of(file), Optional.empty());
    }

    /** The first line matching the connection, libpq-style; empty when none matches. */
    static Optional<char[]> find(String text, String host, int port, String database, String user) {
        // libpq matches "localhost" for socket connections; a TCP host is compared as written.
        String h = host == null || host.isEmpty() || host.startsWith("/") ? "localhost" : host;
        String p = Integer.toString(port);
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int at = matchField(line, 0, h);
            at = at < 0 ? -1 : matchField(line, at, p);
            at = at < 0 ? -1 : matchField(line, at, database);
            at = at < 0 ? -1 : matchField(line, at, user);
            if (at < 0) {
                continue;
            }
            // The password runs to the next unescaped ':' (or the end); libpq removes the escapes.
            String rest = line.substring(at);
            StringBuilder pw = new StringBuilder();
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == ':') {
                    break;
                }
                if (c == '\\' && i + 1 < rest.length()) {
                    c = rest.charAt(++i);
                }
                pw.append(c);
            }
            char[] out = new char[pw.length()];
            pw.getChars(0, pw.length(), out, 0);
            pw.setLength(0);
            if (out.length == 0) {
                // libpq: an empty password field does not count as a match's password.
                return Optional.empty();
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** libpq's pwdfMatchesString: index after "field:" when the field matches {@code token}, else -1. */
    private static int matchField(String line, int start, String token) {
        if (line.startsWith("*:", start)) {
            return start + 2;
        }
        int i = start;
        int t = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                i++;
                c = line.charAt(i);
            } else if (c == ':' && t == token.length()) {
                return i + 1;
            }
            if (t < token.length() && c == token.charAt(t)) {
                i++;
                t++;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
