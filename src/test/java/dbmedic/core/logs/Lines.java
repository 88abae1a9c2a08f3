package dbmedic.core.logs;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it got, readable from the test thread while a source thread writes. */
final class Lines implements LineSink {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void line(String text) {
        lines.add(text);
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    synchronized boolean contains(String text) {
        return lines.contains(text);
    }

    synchronized int size() {
        return lines.size();
    }
}
