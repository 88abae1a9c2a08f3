package dbmedic.core.logs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into UTF-8 lines as they arrive (LF or CRLF), delivering each as
 * soon as its newline is read; a last line without newline is delivered at the end.
 * Public for the SSH layer (a remote command's output streams).
 */
public final class StreamLines {
    private StreamLines() {
    }

    /** Reads until end of stream; returns normally when the stream ends or is closed. */
    public static void pump(InputStream in, LineSink sink) throws IOException {
        LineAssembler lines = new LineAssembler(sink);
        byte[] buffer = new byte[8192];
        try {
            int n;
            // read() returns whatever is available, so a line is delivered as soon as it arrives.
            while ((n = in.read(buffer)) >= 0) {
                lines.accept(buffer, 0, n);
            }
        } finally {
            lines.flush();
        }
    }
}
