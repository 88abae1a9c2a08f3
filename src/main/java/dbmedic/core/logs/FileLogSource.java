package dbmedic.core.logs;

import java.nio.file.Path;

/** A log file read like {@code tail -F}: see {@link #follow}. */
public final class FileLogSource implements LogSource {
    private final Path path;
    private final Tail tail;

    public FileLogSource(Path path, Tail tail) {
        this.path = path;
        this.tail = tail;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
