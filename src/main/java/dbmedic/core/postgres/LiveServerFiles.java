package dbmedic.core.postgres;

import dbmedic.core.postgres.conf.ServerFiles;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's own files read through SQL ({@code pg_read_file}, {@code pg_ls_dir},
 * {@code pg_stat_file}; superuser or granted roles only), so pg_hba.conf and its includes can
 * be parsed exactly as the server reads them. Read-only by construction.
 */
final class LiveServerFiles implements ServerFiles {
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private final PgQuery q;

    LiveServerFiles(PgQuery q) {
        this.q = q;
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        try {
            Optional<String> isDir = q.text("SELECT (pg_stat_file(?, true)).isdir", path);
            if (isDir.isEmpty() || isDir.get().equals("t") || isDir.get().equals("true")) {
                return Optional.empty();
            }
            return q.text("SELECT pg_read_file(?, 0, ?, true)", path, MAX_BYTES);
        } catch (SQLException e) {
            throw new IOException("cannot read " + path + " through the server: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<List<String>> listRegularFiles(String dir) throws IOException {
        try {
            Optional<String> isDir = q.text("SELECT (pg_stat_file(?, true)).isdir", dir);
            if (isDir.isEmpty() || !(isDir.get().equals("t") || isDir.get().equals("true"))) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (Map<String, Object> r : q.rows("SELECT n FROM pg_ls_dir(?, true, false) AS n "
                    + "WHERE NOT coalesce((pg_stat_file(? || '/' || n, true)).isdir, true)", dir, dir)) {
                names.add(PgQuery.str(r, "n"));
            }
            return Optional.of(names);
        } catch (SQLException e) {
            throw new IOException("cannot list " + dir + " through the server: " + e.getMessage(), e);
        }
    }
}
