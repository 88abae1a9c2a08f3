package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the database server's files, addressed by the server's own absolute
 * POSIX paths (e.g. {@code /var/lib/postgresql/data/pg_hba.conf}). Implementations may serve
 * a copied data directory, files fetched over SSH, or in-memory text for tests. Nothing in
 * this interface can write: diagnosis never changes a byte.
 */
public interface ServerFiles {

    /** The file's text (UTF-8), or empty when there is no regular file at {@code path}. */
    Optional<String> read(String path) throws IOException;

    /**
     * Names (not paths) of the regular files directly inside {@code dir}, in any order; empty
     * when the directory does not exist. Sub-directories are not listed.
     */
    Optional<List<String>> listRegularFiles(String dir) throws IOException;
}
