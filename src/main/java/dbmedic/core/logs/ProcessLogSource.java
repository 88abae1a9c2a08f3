package dbmedic.core.logs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker logs}, {@code kubectl logs} or {@code journalctl} run as a local child
 * process. stdout and stderr both carry log lines (docker writes the app's stderr to
 * stderr); the tool's own complaints ({@link ToolErrors}) are kept back from the sink and
 * become the {@link LogSourceException} when the tool fails ({@link ToolOutputReader}).
 */
public final class ProcessLogSource implements LogSource {
    private static final long KILL_GRACE_SECONDS = 2;

    private final LogSourceSpec spec;
    private final Tail tail;
    private final Map<String, String> environment;
    private volatile boolean closed;
    private volatile Process process;

    /** @param environment set for the child; its PATH (if given) is where the tool is looked up */
    public ProcessLogSource(LogSourceSpec spec, Tail tail, Map<String, String> environment) {
        if (spec.kind() == LogSourceSpec.Kind.FILE) {
            throw new IllegalArgumentException("a file is read by FileLogSource");
        }
        this.spec = spec;
        this.tail = tail;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return String.join(" ", LogCommands.command(spec, tail, true));
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        if (closed) {
            return;
        }
        List<String> command = new ArrayList<>(LogCommands.command(spec, tail, follow));
        command.set(0, executable(command.get(0)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new LogSourceException(ToolErrors.notFound(spec), e);
        }
        process = p;
        ToolOutputReader reader = new ToolOutputReader(spec, sink);
        try {
            p.getOutputStream().close();
            if (closed) {
                kill(p);
                return;
            }
            reader.read(p.getInputStream(), p.getErrorStream(), () -> closed);
            int exit = p.waitFor();
            if (!closed) {
                reader.checkExit(exit);
            }
        } catch (IOException e) {
            if (!closed) {
                throw new LogSourceException(ToolErrors.tool(spec) + ": " + e.getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        } finally {
            if (p.isAlive()) {
                kill(p);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            kill(p);
        }
    }

    /** Parent first (so it starts nothing new), then what it had started; forcibly after a grace period. */
    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        p.onExit().orTimeout(KILL_GRACE_SECONDS, TimeUnit.SECONDS).exceptionally(t -> {
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            return null;
        });
    }

    /**
     * The JDK looks a bare command name up on this JVM's PATH, not the child's; when the
     * caller gives the child a PATH, look it up there ourselves.
     */
    private String executable(String name) throws LogSourceException {
        String path = environment.get("PATH");
        if (path == null) {
            return name;
        }
        boolean windows = File.pathSeparatorChar == ';';
        List<String> suffixes = windows ? List.of(".exe", ".cmd", ".bat", "") : List.of("");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate = Path.of(dir, name + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new LogSourceException(ToolErrors.notFound(spec));
    }
}
