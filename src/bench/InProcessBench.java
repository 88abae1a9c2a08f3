import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.task.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * In-process timings for run_benchmarks.py (JVM start excluded), run as a single-file
 * program: {@code java -cp target/dbmedic.jar src/bench/InProcessBench.java MODE DB OUTDIR RUNS}.
 * Prints one line: the median milliseconds.
 * MODE: jdbc-backup (sqlite-jdbc's backup API alone), dbmedic-backup (SqliteBackup with its
 * verification), diagnose (the whole diagnosis).
 */
public class InProcessBench {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path db = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        Medic medic = new Medic();
        long[] samples = new long[runs];
        for (int i = -1; i < runs; i++) { // i = -1: warm-up (JIT, native library, page cache)
            clean(out);
            long start = System.nanoTime();
            switch (mode) {
                case "jdbc-backup" -> {
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                         Statement st = c.createStatement()) {
                        st.executeUpdate("backup to " + out.resolve("jdbc.db"));
                    }
                }
                case "dbmedic-backup" -> medic.backup(medic.resolve(db.toString()), out, Progress.NONE);
                case "diagnose" -> medic.diagnose(medic.resolve(db.toString()), DiagnoseOptions.DEFAULT, Progress.NONE);
                default -> throw new IllegalArgumentException(mode);
            }
            if (i >= 0) {
                samples[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        java.util.Arrays.sort(samples);
        System.out.println(samples[runs / 2]);
    }

    private static void clean(Path dir) throws Exception {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
