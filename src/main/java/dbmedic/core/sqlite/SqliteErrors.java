package dbmedic.core.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Classifies sqlite-jdbc exceptions and turns them into one plain line. */
public final class SqliteErrors {
    private SqliteErrors() {
    }

    /** The primary SQLite result code (SQLITE_CORRUPT = 11, SQLITE_NOTADB = 26, ...), or -1. */
    public static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode().code & 0xff;
        }
        return e.getErrorCode() > 0 ? e.getErrorCode() & 0xff : -1;
    }

    public static boolean isNotADatabase(SQLException e) {
        return primaryCode(e) == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    public static boolean isCorrupt(SQLException e) {
        return primaryCode(e) == SQLiteErrorCode.SQLITE_CORRUPT.code;
    }

    public static boolean isInterrupted(SQLException e) {
        return primaryCode(e) == SQLiteErrorCode.SQLITE_INTERRUPT.code;
    }

    /** The message without sqlite-jdbc's "[SQLITE_XXX] ..." prefix, on one line. */
    public static String plain(SQLException e) {
        String m = e.getMessage() == null ? "unknown error" : e.getMessage();
        int detail = m.lastIndexOf(" (");
        if (m.startsWith("[SQLITE_") && detail >= 0 && m.endsWith(")")) {
            m = m.substring(detail + 2, m.length() - 1);
        }
        return SqliteFileProbe.oneLine(m);
    }
}
