package dbmedic.core.sqlite;

import dbmedic.core.target.PathText;
import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Looks at a file's first 100 bytes before SQLite touches it, so that an empty, foreign,
 * damaged or truncated file is refused with one plain line instead of an SQLite error (or,
 * worse, SQLite treating an empty file as a new database).
 */
public final class SqliteFileProbe {
    /** "SQLite format 3" followed by a NUL byte. */
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 100;

    private SqliteFileProbe() {
    }

    public static SqliteHeader probe(Path file) throws UnusableInputException {
        return probe(file, false);
    }

    /**
     * {@code walPending}: a non-empty -wal file exists. A crash in the middle of a checkpoint
     * can leave a header that already counts pages the WAL has not yet written back, so the
     * page-count check is skipped then (recovery completes the file from the WAL).
     */
    public static SqliteHeader probe(Path file, boolean walPending) throws UnusableInputException {
        String shown = PathText.of(file);
        if (Files.isDirectory(file)) {
            throw new UnusableInputException(shown + " is a folder, not a database file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or device would block or stream forever when read.
            throw new UnusableInputException(shown + " is not a regular file (a device, pipe or socket), not a database");
        }
        long size;
        byte[] head = new byte[HEADER_SIZE];
        int read;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, HEADER_SIZE);
            }
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("No such file or folder: " + shown, e);
        } catch (AccessDeniedException e) {
            throw new UnusableInputException("Cannot read " + shown + ": permission denied", e);
        } catch (IOException e) {
            throw new UnusableInputException("Cannot read " + shown + ": " + oneLine(e.getMessage()), e);
        }
        if (size == 0 || read == 0) {
            throw new UnusableInputException(shown + " is an empty file (0 bytes), not a SQLite database");
        }
        if (!startsWithMagic(head, read)) {
            throw new UnusableInputException(shown + " is not a SQLite database: " + FileKind.describe(head, read));
        }
        if (read < HEADER_SIZE) {
            throw new UnusableInputException(shown + " is truncated: it has only " + read
                    + " bytes, less than SQLite's 100-byte header");
        }
        int rawPageSize = u16(head, 16);
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new UnusableInputException(shown + " has a damaged SQLite header: page size " + rawPageSize
                    + " is not valid");
        }
        int writeVersion = head[18] & 0xff;
        int readVersion = head[19] & 0xff;
        if (readVersion > 2) {
            throw new UnusableInputException(shown + " has a damaged or too new SQLite header: read version "
                    + readVersion + " (expected 1 or 2)");
        }
        // The in-header page count is valid only when the change counter (24) matches
        // "version-valid-for" (92); older SQLite versions left it stale.
        long pageCount = u32(head, 28);
        boolean countValid = pageCount > 0 && u32(head, 24) == u32(head, 92);
        if (size % pageSize != 0) {
            throw new UnusableInputException(shown + " is truncated or damaged: its size (" + size
                    + " bytes) is not a multiple of its page size (" + pageSize + " bytes)");
        }
        if (countValid && !walPending && pageCount * pageSize > size) {
            throw new UnusableInputException(shown + " is truncated: its header counts " + pageCount + " pages of "
                    + pageSize + " bytes (" + pageCount * pageSize + " bytes) but the file has " + size + " bytes");
        }
        return new SqliteHeader(pageSize, countValid ? pageCount : 0, writeVersion, readVersion, size);
    }

    private static boolean startsWithMagic(byte[] head, int read) {
        if (read < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    static String oneLine(String text) {
        return text == null ? "unknown error" : text.replaceAll("\\s+", " ").trim();
    }
}
