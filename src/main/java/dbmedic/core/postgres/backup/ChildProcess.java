package dbmedic.core.postgres.backup;

import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a client program (pg_dump, pg_restore) to the end or until the user cancels, keeping its
 * first lines of error output with any secret blanked out. stdout is read whole (small outputs
 * only, such as a TOC listing) or discarded.
 */
final class ChildProcess {
    private static final int MAX_LINES = 12;

    record Outcome(int exitCode, String stdout, List<String> stderr) {
        String stderrText() {
            return String.join("\n", stderr);
        }
    }

    private ChildProcess() {
    }

    /**
     * @param secret   text to blank out of what the program prints (the password), may be null
     * @param progress polled every 200 ms; cancel destroys the process
     * @param size     what to report as progress (bytes written so far), may be null
     */
    static Outcome run(ProcessBuilder builder, boolean captureStdout, char[] secret, Progress progress,
            LongSupplier size, String what) throws IOException, CancelledException {
        if (!captureStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = builder.start();
        p.getOutputStream().close();
        List<String> errLines = new ArrayList<>();
        Thread errReader = drain(p.getErrorStream(), errLines, secret);
        StringBuilder out = new StringBuilder();
        Thread outReader = captureStdout ? collect(p.getInputStream(), out) : null;
        try {
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (progress.isCancelled()) {
                    stop(p);
                    throw new CancelledException();
                }
                if (size != null) {
                    long bytes = size.getAsLong();
                    progress.update(bytes, -1, what);
                }
            }
            errReader.join(10_000);
            if (outReader != null) {
                outReader.join(10_000);
            }
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        synchronized (errLines) {
            return new Outcome(p.exitValue(), out.toString(), List.copyOf(errLines));
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream in, List<String> lines, char[] secret) {
        String hidden = secret == null || secret.length == 0 ? null : new String(secret);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        if (lines.size() < MAX_LINES && !line.isBlank()) {
                            lines.add(hidden == null ? line : line.replace(hidden, "********"));
                        }
                    }
                }
            } catch (IOException ignored) {
                // The process ended or was stopped.
            }
        }, "child-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread collect(InputStream in, StringBuilder out) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    synchronized (out) {
                        out.append(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // The process ended or was stopped.
            }
        }, "child-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
