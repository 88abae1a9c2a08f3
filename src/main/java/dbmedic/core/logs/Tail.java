package dbmedic.core.logs;

/**
 * Where reading starts: the last {@code lines} lines, or the whole log ({@link #all()}).
 * Like {@code tail -n N} / {@code docker logs --tail N}.
 */
public record Tail(int lines) {
    /** What the CLI and the wizard show before following: enough to catch a reindex already under way. */
    public static final int DEFAULT_LINES = 200;

    public Tail {
        if (lines < -1) {
            throw new IllegalArgumentException("tail lines must be >= 0, or -1 for all");
        }
    }

    public static Tail last(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("tail lines must be >= 0");
        }
        return new Tail(lines);
    }

    public static Tail all() {
        return new Tail(-1);
    }

    public static Tail defaults() {
        return new Tail(DEFAULT_LINES);
    }

    public boolean isAll() {
        return lines < 0;
    }
}
