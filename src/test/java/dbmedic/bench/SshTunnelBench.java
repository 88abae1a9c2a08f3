package dbmedic.bench;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshSettings;
import dbmedic.core.ssh.Tunnel;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Immich diagnosis of ImmichDiagnosisBench, direct and through an SSH tunnel over
 * loopback (JSch client → in-JVM MINA server → PostgreSQL), alternated in one run: the
 * ratio is the tunnel's cost (encryption, two extra hops), not the network's. Also the time
 * to open the SSH session itself. Writes the "SSH" section of docs/benchmarks.md.
 */
class SshTunnelBench {
    private static final int RUNS = 7;
    private static final String SECTION = "## SSH: diagnosis through a tunnel";

    @Test
    void measure() throws Exception {
        Path tmp = Files.createTempDirectory("ssh-bench");
        try (PgServer server = PgServer.builder(17).scramAuthentication().start();
             SshTestServer ssh = SshTestServer.builder().start()) {
            ImmichDatabase.on(server).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                    .rows(20_000).create();
            String password = server.superuserPassword().orElseThrow();
            String url = "postgresql://" + PgServer.SUPERUSER + "@localhost:" + server.port() + "/immich";
            Files.writeString(tmp.resolve("known_hosts"), ssh.knownHostsLines());
            SshSettings settings = SshSettings.parse(ssh.destination()).withKnownHosts(tmp.resolve("known_hosts"))
                    .withIdentityFiles(List.of(SshTestServer.key("id_ed25519"))).withAgent(false);
            Medic medic = new Medic();
            DiagnoseOptions direct = new DiagnoseOptions(null, false, null, q -> java.util.Optional.of(password.toCharArray()));
            long[] open = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                SshConnection.open(settings, TestPrompts.none()).close();
                open[i] = (System.nanoTime() - s) / 1_000_000;
            }
            try (SshConnection c = SshConnection.open(settings, TestPrompts.none());
                 Tunnel t = c.forward("localhost", server.port())) {
                DiagnoseOptions tunnelled = direct.withTunnel(t.endpoint());
                medic.diagnose(medic.resolve(url), direct, Progress.NONE);
                medic.diagnose(medic.resolve(url), tunnelled, Progress.NONE);
                long[] d = new long[RUNS];
                long[] tu = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    medic.diagnose(medic.resolve(url), direct, Progress.NONE);
                    d[i] = (System.nanoTime() - s) / 1_000_000;
                    s = System.nanoTime();
                    medic.diagnose(medic.resolve(url), tunnelled, Progress.NONE);
                    tu[i] = (System.nanoTime() - s) / 1_000_000;
                }
                long dm = median(d);
                long tm = median(tu);
                String section = SECTION + "\n\n"
                        + "Measured by `mvn -Pbench verify` (`src/test/java/dbmedic/bench/SshTunnelBench.java`) on "
                        + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC:"
                        + " the diagnosis of ImmichDiagnosisBench's database (PostgreSQL 17, Immich v1.137.0, 20 000 rows, password"
                        + " authentication), direct and through a JSch tunnel to an in-JVM Apache MINA SSH server on loopback,"
                        + " alternated, warm engine. Medians of " + RUNS + " runs. Loopback hides network latency: over a real"
                        + " link each of the diagnosis's round trips pays it, tunnel or not.\n\n"
                        + "| what | time |\n|---|---|\n"
                        + "| diagnosis, direct | " + dm + " ms |\n"
                        + "| diagnosis, through the SSH tunnel | " + tm + " ms |\n"
                        + "| ratio tunnel / direct | " + String.format(java.util.Locale.ROOT, "%.2f", (double) tm / Math.max(1, dm)) + " |\n"
                        + "| opening the SSH session (key exchange, ed25519 host key and login) | " + median(open) + " ms |\n";
                writeSection(Path.of(System.getProperty("dbmedic.benchmarks")), section);
            }
        }
    }

    private static long median(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static void writeSection(Path file, String section) throws IOException {
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
