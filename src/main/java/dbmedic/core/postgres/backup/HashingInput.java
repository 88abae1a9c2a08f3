package dbmedic.core.postgres.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Feeds every byte read through a {@link RowStreamDigest} (hash, row count, cancel check). */
final class HashingInput extends FilterInputStream {
    private final RowStreamDigest sink;

    HashingInput(InputStream in, RowStreamDigest sink) {
        super(in);
        this.sink = sink;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sink.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            sink.write(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported: every byte must be hashed");
    }
}
