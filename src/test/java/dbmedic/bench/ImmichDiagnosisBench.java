package dbmedic.bench;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full diagnosis of a local Immich-shaped database (PostgreSQL 17, pgvecto.rs era on the
 * fixture extensions, 20 000 embeddings): in-process (first run and warm) and as a whole
 * `java -jar` process beside JVM start alone. Writes the "PostgreSQL" section of
 * docs/benchmarks.md; asserts nothing (a benchmark, run by `mvn -Pbench verify`).
 */
class ImmichDiagnosisBench {
    private static final int RUNS = 5;
    private static final String SECTION = "## PostgreSQL: diagnosis of an Immich database";

    @Test
    void measure() throws Exception {
        try (PgServer server = PgServer.builder(17).scramAuthentication().start()) {
            ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                    .rows(20_000).create();
            String password = server.superuserPassword().orElseThrow();
            String url = "postgresql://" + PgServer.SUPERUSER + "@localhost:" + server.port() + "/immich";

            long t0 = System.nanoTime();
            Medic medic = new Medic();
            DiagnoseOptions options = new DiagnoseOptions(null, false, null, q -> java.util.Optional.of(password.toCharArray()));
            medic.diagnose(medic.resolve(url), options, Progress.NONE);
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            long[] warm = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                medic.diagnose(medic.resolve(url), options, Progress.NONE);
                warm[i] = (System.nanoTime() - s) / 1_000_000;
            }

            String jar = System.getProperty("dbmedic.jar");
            long cli = median(() -> run(List.of("java", "-jar", jar, "diagnose", url, "--json"), password));
            long jvm = median(() -> run(List.of("java", "-jar", jar, "--version"), password));

            String section = SECTION + "\n\n"
                    + "Measured by `mvn -Pbench verify` (`src/test/java/dbmedic/bench/ImmichDiagnosisBench.java`) on "
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC:"
                    + " PostgreSQL 17 (embedded), an Immich v1.137.0 database of the pgvecto.rs era with 20 000 rows in"
                    + " smart_search and face_search on the fixture extensions, password authentication. Medians of "
                    + RUNS + " runs.\n\n"
                    + "| what | time |\n|---|---|\n"
                    + "| first diagnosis in a fresh engine (class loading, first connection) | " + firstMs + " ms |\n"
                    + "| later diagnoses in the same process | " + median(warm) + " ms |\n"
                    + "| `java -jar target/dbmedic.jar diagnose URL --json`, whole process | " + cli + " ms |\n"
                    + "| `java -jar target/dbmedic.jar --version` (JVM start) | " + jvm + " ms |\n"
                    + "| diagnosis beyond JVM start (the two rows above) | " + (cli - jvm) + " ms (aim: under 1000 ms) |\n";
            writeSection(Path.of(System.getProperty("dbmedic.benchmarks")), section);
        }
    }

    private interface Timed {
        long ms() throws Exception;
    }

    private static long median(Timed timed) throws Exception {
        timed.ms(); // warm-up: page cache, JIT of the launcher
        long[] samples = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            samples[i] = timed.ms();
        }
        return median(samples);
    }

    private static long median(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static long run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        long s = System.nanoTime();
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - s) / 1_000_000;
    }

    /** Replaces (or appends) this benchmark's section; the SQLite figures above it stay. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(SECTION);
        if (start >= 0) {
            int next = text.indexOf("\n## ", start + SECTION.length());
            text = text.substring(0, start) + section + (next >= 0 ? text.substring(next + 1) : "");
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
