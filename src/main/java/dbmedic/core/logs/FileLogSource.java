package dbmedic.core.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A log file read like {@code tail -F}: starts at the last N lines (or the beginning),
 * follows appended lines, joins lines written in pieces, and survives truncation and
 * rotation (the file replaced under its name: the old one is read to its end first).
 */
public final class FileLogSource implements LogSource {
    /**
     * The longest wait between two looks at the file. A WatchService on the folder wakes us
     * at once where the OS reports changes (inotify on Linux); the JDK's macOS and fallback
     * WatchService only polls every few seconds, and network/bind-mounted folders may report
     * nothing, so we also look at least this often: one stat per 50 ms keeps a written line
     * well inside the 200 ms target without a busy loop.
     */
    static final long MAX_WAIT_MS = 50;
    private static final int READ_BUFFER = 64 * 1024;

    private final Path path;
    private final Tail tail;
    private final boolean watchFolder;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile WatchService watcher;

    public FileLogSource(Path path, Tail tail) {
        this(path, tail, true);
    }

    /** @param watchFolder false: the bounded wait alone (what happens where the folder cannot be watched) */
    FileLogSource(Path path, Tail tail, boolean watchFolder) {
        this.path = Objects.requireNonNull(path, "path");
        this.tail = Objects.requireNonNull(tail, "tail");
        this.watchFolder = watchFolder;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        if (isClosed()) {
            return;
        }
        LineAssembler lines = new LineAssembler(sink);
        FileChannel channel = open();
        try {
            Object identity = identity(path);
            long position = startPosition(channel);
            if (follow && watchFolder) {
                watcher = newWatcher();
                if (isClosed()) {
                    return;
                }
            }
            while (true) {
                position = drain(channel, position, lines);
                if (!follow) {
                    lines.flush();
                    return;
                }
                if (isClosed()) {
                    return;
                }
                if (channel.size() < position) {
                    // Truncated in place (copytruncate): start again from its beginning.
                    lines.discard();
                    position = 0;
                    continue;
                }
                Object now = identityOrNull(path);
                if (now != null && !now.equals(identity)) {
                    // Replaced (rotated): finish the old file, then read the new one from its start.
                    FileChannel next = openOrNull();
                    if (next != null) {
                        drain(channel, position, lines);
                        lines.flush();
                        channel.close();
                        channel = next;
                        identity = now;
                        position = 0;
                        continue;
                    }
                }
                if (!waitForChange()) {
                    return;
                }
            }
        } catch (IOException e) {
            // Closed, or the reading thread interrupted (ClosedByInterruptException): the end, not a failure.
            if (isClosed() || e instanceof java.nio.channels.ClosedByInterruptException) {
                return;
            }
            throw new LogSourceException("could not read " + path + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
            WatchService w = watcher;
            if (w != null) {
                closeQuietly(w);
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        WatchService w = watcher;
        if (w != null) {
            closeQuietly(w);
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits for a change in the folder or {@link #MAX_WAIT_MS}; false once closed. */
    private boolean waitForChange() {
        try {
            WatchService w = watcher;
            if (w == null) {
                return !closed.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            WatchKey key = w.poll(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
            return !isClosed();
        } catch (ClosedWatchServiceException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private WatchService newWatcher() {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        try {
            WatchService w = FileSystems.getDefault().newWatchService();
            dir.register(w, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return w;
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot be watched: the bounded wait alone still finds new lines.
            return null;
        }
    }

    private long drain(FileChannel channel, long position, LineAssembler lines) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        while (!isClosed()) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            position += n;
            lines.accept(buffer.array(), 0, n);
        }
        return position;
    }

    /** Where the last {@code tail.lines()} lines begin (a final newline ends the last line, it does not start one). */
    private long startPosition(FileChannel channel) throws IOException {
        if (tail.isAll()) {
            return 0;
        }
        long size = channel.size();
        if (tail.lines() == 0 || size == 0) {
            return size;
        }
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        long end = size;
        int newlines = 0;
        boolean skipFinal = true;
        while (end > 0) {
            long start = Math.max(0, end - READ_BUFFER);
            buffer.clear();
            buffer.limit((int) (end - start));
            channel.read(buffer, start);
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    if (skipFinal && start + i == size - 1) {
                        continue;
                    }
                    newlines++;
                    if (newlines == tail.lines()) {
                        return start + i + 1;
                    }
                }
            }
            skipFinal = false;
            end = start;
        }
        return 0;
    }

    private FileChannel open() throws LogSourceException {
        try {
            if (Files.isDirectory(path)) {
                throw new LogSourceException("not a file: " + path);
            }
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new LogSourceException("file not found: " + path);
        } catch (AccessDeniedException e) {
            throw new LogSourceException("permission denied: " + path);
        } catch (IOException e) {
            throw new LogSourceException("could not open " + path + ": " + e.getMessage(), e);
        }
    }

    private FileChannel openOrNull() {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            return null;
        }
    }

    /** What tells "the same file" from "a new file with the same name": inode where there is one. */
    private static Object identity(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }

    private static Object identityOrNull(Path p) {
        try {
            return identity(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing left to do with it
        }
    }
}
