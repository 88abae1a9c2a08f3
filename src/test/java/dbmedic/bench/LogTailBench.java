package dbmedic.bench;

import dbmedic.core.logs.FileLogSource;
import dbmedic.core.logs.ImmichLogParser;
import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.Tail;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Write → event latency of a followed log file: DB Medic's {@link FileLogSource} with the
 * Immich parser (the path the Watch step and {@code dbmedic logs --follow} use) against
 * {@code tail -F} reading the same file in the same run. Lines are appended one at a time
 * with pauses of 5–60 ms, like a log that is written now and then. Writes the "Log tail"
 * section of docs/benchmarks.md; asserts nothing (a benchmark, run by {@code mvn -Pbench verify}).
 */
class LogTailBench {
    private static final String SECTION = "## Log tail: a written line to its event";
    private static final int LINES = 300;
    private static final int WARM_UP = 20;

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("dbmedic-logtail");
        Path log = dir.resolve("immich.log");
        Files.writeString(log, "");
        Map<Integer, Long> ours = new ConcurrentHashMap<>();
        Map<Integer, Long> peer = new ConcurrentHashMap<>();
        long[] written = new long[LINES];

        ImmichLogParser parser = ImmichLogParser.withPacks();
        FileLogSource source = new FileLogSource(log, Tail.last(0));
        Thread follower = new Thread(() -> {
            try {
                source.follow(line -> {
                    LogEvent e = parser.parse(line);
                    long now = System.nanoTime();
                    ours.put(sequence(e.message()), now);
                }, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-follow");
        follower.start();

        Process tail = new ProcessBuilder("tail", "-F", "-n", "0", log.toString()).redirectErrorStream(true).start();
        Thread tailReader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    long now = System.nanoTime();
                    int seq = sequence(line);
                    if (seq != Integer.MIN_VALUE) {
                        peer.put(seq, now);
                    }
                }
            } catch (IOException e) {
                // tail ended
            }
        }, "bench-tail");
        tailReader.start();

        // Both readers must be attached before the first measured line: a marker line each sees.
        try (FileOutputStream out = new FileOutputStream(log.toFile(), true)) {
            int marker = -1;
            long attachDeadline = System.nanoTime() + 60_000_000_000L;
            while (!(ours.containsKey(marker) && peer.containsKey(marker))) {
                if (System.nanoTime() > attachDeadline) {
                    throw new IllegalStateException("the readers did not attach within 60 s");
                }
                out.write(line(marker).getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
            }
            Random random = new Random(42);
            for (int i = 0; i < LINES; i++) {
                // A pause: each line finds both readers idle, waiting for the file to change.
                Thread.sleep(5 + random.nextInt(56));
                written[i] = System.nanoTime();
                out.write(line(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!(ours.containsKey(i) && peer.containsKey(i)) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
        }
        source.close();
        tail.destroy();
        follower.join(5000);
        tailReader.join(5000);

        double[] oursMs = latencies(written, ours);
        double[] peerMs = latencies(written, peer);
        double p50 = percentile(oursMs, 50);
        double p95 = percentile(oursMs, 95);
        double peerP50 = percentile(peerMs, 50);
        double peerP95 = percentile(peerMs, 95);
        String section = SECTION + "\n\n"
                + "Measured by `mvn -Pbench verify` (`src/test/java/dbmedic/bench/LogTailBench.java`) on "
                + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC ("
                + System.getProperty("os.name") + ", " + Runtime.getRuntime().availableProcessors() + " cores): "
                + (LINES - WARM_UP) + " Immich log lines appended one at a time to a file with pauses of 5–60 ms, after "
                + WARM_UP + " warm-up lines; latency from the end of the write to the parsed event (DB Medic: "
                + "`FileLogSource` + `ImmichLogParser`, the path of the Watch step and `dbmedic logs --follow`) and "
                + "to the line on `tail -F`'s output (the peer, same file, same run).\n\n"
                + "| what | p50 | p95 | max |\n|---|---|---|---|\n"
                + "| DB Medic `FileLogSource` → `LogEvent` | " + ms(p50) + " | " + ms(p95) + " | " + ms(percentile(oursMs, 100)) + " |\n"
                + "| `tail -F` (coreutils) | " + ms(peerP50) + " | " + ms(peerP95) + " | " + ms(percentile(peerMs, 100)) + " |\n"
                + "| ratio DB Medic / `tail -F` | " + ratio(p50, peerP50) + " | " + ratio(p95, peerP95) + " | |\n\n"
                + "Aim (design.md): a line shows in the UI within 200 ms of being written; the engine's part is the "
                + "DB Medic row (the wizard adds one hop to the JavaFX thread).\n";
        System.out.println(section);
        String file = System.getProperty("dbmedic.benchmarks");
        if (file != null) {
            writeSection(Path.of(file), section);
        }
        Files.deleteIfExists(log);
        Files.deleteIfExists(dir);
    }

    private static String line(int sequence) {
        return "[Nest] 7  - 10/30/2025, 9:01:02 PM     LOG [Microservices:DatabaseRepository] bench line #" + sequence + "\n";
    }

    private static int sequence(String text) {
        int hash = text == null ? -1 : text.lastIndexOf('#');
        if (hash < 0) {
            return Integer.MIN_VALUE;
        }
        try {
            return Integer.parseInt(text.substring(hash + 1).strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static double[] latencies(long[] written, Map<Integer, Long> seen) {
        double[] ms = new double[LINES - WARM_UP];
        for (int i = WARM_UP; i < LINES; i++) {
            Long at = seen.get(i);
            // A line never seen counts as the 10 s bound: it must show in the figures.
            ms[i - WARM_UP] = at == null ? 10_000 : (at - written[i]) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", v);
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "—" : String.format(java.util.Locale.ROOT, "%.2f", a / b);
    }

    /** Replaces (or appends) this benchmark's section, keeping the others. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(SECTION);
        if (start >= 0) {
            int next = text.indexOf("\n## ", start + SECTION.length());
            text = text.substring(0, start) + section + (next >= 0 ? "\n" + text.substring(next + 1) : "");
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
