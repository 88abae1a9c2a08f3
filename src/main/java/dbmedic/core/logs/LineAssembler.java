package dbmedic.core.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Joins bytes that arrive in pieces into complete lines. Bytes are kept until the newline,
 * then decoded as UTF-8: a character split across two writes is decoded whole.
 */
final class LineAssembler {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final LineSink sink;

    LineAssembler(LineSink sink) {
        this.sink = sink;
    }

    void accept(byte[] buffer, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '\n') {
                pending.write(buffer, start, i - start);
                emit();
                start = i + 1;
            }
        }
        pending.write(buffer, start, end - start);
    }

    /** Delivers a last line that has no newline (end of a non-follow read, end of stream). */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    /** Forgets a partial line (the file was truncated under it). */
    void discard() {
        pending.reset();
    }

    boolean hasPartial() {
        return pending.size() > 0;
    }

    private void emit() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        sink.line(new String(bytes, 0, n, StandardCharsets.UTF_8));
    }
}
