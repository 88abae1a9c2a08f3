package dbmedic.core.offline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immich's {@code DB_URL} ({@code postgresql://user:password@host:port/database?sslmode=...})
 * split by hand, because passwords often hold characters java.net.URI rejects. The password is
 * kept only to know it is there: {@link #redacted()} is the only text form.
 */
record DbUrl(String scheme, String user, boolean hasPassword, String host, Integer port, String database,
             Map<String, String> params, String redacted) {

    static DbUrl parse(String url) {
        String s = url.strip();
        String scheme = "";
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep);
            s = s.substring(sep + 3);
        }
        String query = "";
        int q = s.indexOf('?');
        if (q >= 0) {
            query = s.substring(q + 1);
            s = s.substring(0, q);
        }
        String path = "";
        int at = s.lastIndexOf('@');
        String userInfo = at >= 0 ? s.substring(0, at) : null;
        String hostPart = at >= 0 ? s.substring(at + 1) : s;
        int slash = hostPart.indexOf('/');
        if (slash >= 0) {
            path = hostPart.substring(slash + 1);
            hostPart = hostPart.substring(0, slash);
        }
        String user = null;
        boolean hasPassword = false;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            hasPassword = colon >= 0;
        }
        String host = hostPart;
        Integer port = null;
        int colon = hostPart.lastIndexOf(':');
        if (colon >= 0 && !hostPart.endsWith("]")) {
            host = hostPart.substring(0, colon);
            try {
                port = Integer.valueOf(hostPart.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = null;
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (!kv.isEmpty()) {
                int eq = kv.indexOf('=');
                params.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        String red = (scheme.isEmpty() ? "" : scheme + "://")
                + (userInfo == null ? "" : (user == null ? "" : user) + (hasPassword ? ":****" : "") + "@")
                + hostPart + (path.isEmpty() ? "" : "/" + path) + (query.isEmpty() ? "" : "?" + query);
        return new DbUrl(scheme, user, hasPassword, host, port, decode(path), params, red);
    }

    /** The last {@code sslmode} given (Immich's docs show URLs with it twice). */
    String sslmode() {
        return params.get("sslmode");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return redacted;
    }
}
