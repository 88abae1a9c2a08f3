package dbmedic.core.postgres.backup;

import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes COPY text through to {@code out} while hashing it and counting its rows (one line per
 * row in COPY's text format), so the checksum is the one {@link TableChecksums#of} computes for
 * the same rows. Cancel is checked, and progress reported (rows done, the message constant), every 1024 rows;
 * a {@code totalEstimate} of 0 or less means unknown.
 */
final class RowStreamDigest extends OutputStream {
    private final OutputStream out;
    private final MessageDigest digest = Sha256.digest();
    private final Progress progress;
    private final long totalEstimate;
    private final String what;
    private long rows;

    RowStreamDigest(OutputStream out, Progress progress, long totalEstimate, String what) {
        this.out = out;
        this.progress = progress;
        this.totalEstimate = totalEstimate;
        this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        digest.update(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                rows++;
                if ((rows & 0x3FF) == 0) {
                    if (progress.isCancelled()) {
                        throw new IOException("cancelled", new CancelledException());
                    }
                    progress.update(rows, totalEstimate > 0 ? Math.max(totalEstimate, rows) : -1, what);
                }
            }
        }
        if (out != null) {
            out.write(b, off, len);
        }
    }

    long rows() {
        return rows;
    }

    String sha256() {
        return Sha256.hex(digest);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
