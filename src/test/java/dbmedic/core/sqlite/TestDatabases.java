package dbmedic.core.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small real SQLite files for engine tests, and fingerprints of folders to prove nothing was written. */
public final class TestDatabases {
    /** "?" in file names, where the OS allows it (not on Windows), so odd-path tests run everywhere. */
    public static final String QMARK = java.io.File.separatorChar == '\\' ? "" : "?";

    private TestDatabases() {
    }

    /** Creates {@code file} (rollback journal mode) and runs each statement; the connection is closed after. */
    public static Path create(Path file, String... statements) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + SqliteUris.fileUri(file, ""));
                 Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + SqliteUris.fileUri(file, ""));
    }

    /** Every file in {@code folder} (not recursive) with the SHA-256 of its content. */
    public static Map<String, String> fingerprint(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.isRegularFile(p) ? sha256(p) : "<dir>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
