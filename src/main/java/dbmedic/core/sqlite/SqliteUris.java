package dbmedic.core.sqlite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SQLite {@code file:} URIs for paths with spaces, {@code #}, {@code ?}, {@code %} or
 * non-ASCII characters: every byte outside the unreserved set is percent-encoded, which
 * SQLite decodes (a raw {@code ?} or {@code #} would start the query or fragment).
 */
public final class SqliteUris {
    private SqliteUris() {
    }

    /**
     * {@code file:///abs/path?params}; {@code params} may be empty. The empty authority
     * ({@code ///}) keeps a Windows UNC path ({@code //server/share}) from being read as a host.
     */
    public static String fileUri(Path file, String params) {
        String path = file.toAbsolutePath().toString().replace('\\', '/');
        if (!path.startsWith("/")) {
            path = "/" + path; // Windows: C:/x → /C:/x
        }
        StringBuilder sb = new StringBuilder("file://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        if (params != null && !params.isEmpty()) {
            sb.append('?').append(params);
        }
        return sb.toString();
    }
}
