package dbmedic.core.immich.migrate;

import dbmedic.core.postgres.conf.LibraryList;
import java.util.List;

/** Reading and rewriting a {@code shared_preload_libraries} value by library base name. */
final class Preload {
    private Preload() {
    }

    static List<String> names(String value) {
        return LibraryList.parse(value == null ? "" : value).names();
    }

    /** {@code $libdir/vchord.so} → {@code vchord}. */
    static String base(String library) {
        String s = library.strip();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        return s.endsWith(".so") ? s.substring(0, s.length() - 3) : s;
    }

    static boolean loads(String value, String library) {
        return names(value).stream().anyMatch(n -> base(n).equals(library));
    }

    /** The list without {@code library}, as written. */
    static List<String> without(String value, String library) {
        return names(value).stream().filter(n -> !base(n).equals(library)).toList();
    }

    /** {@code 'a.so', 'b.so'}: one quoted item per library (ALTER SYSTEM would keep a single string as ONE name). */
    static String alterSystemValue(List<String> libraries) {
        return String.join(", ", libraries.stream().map(Sql::literal).toList());
    }

    /** {@code 'a.so, b.so'}: the postgresql.conf form. */
    static String confValue(List<String> libraries) {
        return Sql.literal(String.join(", ", libraries));
    }
}
