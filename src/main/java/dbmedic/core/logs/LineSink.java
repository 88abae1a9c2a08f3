package dbmedic.core.logs;

/** Receives the lines of a log source, one complete line at a time, without its line ending. */
@FunctionalInterface
public interface LineSink {
    void line(String text);
}
