package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshSettings;
import dbmedic.core.ssh.Tunnel;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.sshtest.TestPrompts;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslmode=verify-full} through a tunnel: the server's certificate names
 * {@code db.internal} (a name only the SSH server's side would know; it does not even resolve
 * here). Through the tunnel the session verifies against that name and succeeds; pointed at
 * 127.0.0.1 directly, verify-full refuses, as it should.
 */
@Timeout(300)
class SshTunnelVerifyFullTest {
    @TempDir
    Path dir;

    @Test
    void certificateIsCheckedAgainstTheRealHostName() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        selfSigned(certs, "db.internal");
        try (PgServer pg = PgServer.builder(17).serverConfig("ssl", "on")
                .serverConfig("ssl_cert_file", certs.resolve("server.crt").toString())
                .serverConfig("ssl_key_file", certs.resolve("server.key").toString()).start();
             SshTestServer ssh = SshTestServer.builder().start()) {
            Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
            SshSettings s = SshSettings.parse(ssh.destination()).withKnownHosts(dir.resolve("known_hosts"))
                    .withIdentityFiles(List.of(SshTestServer.key("id_ed25519"))).withAgent(false)
                    .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
            String query = "?sslmode=verify-full&sslrootcert=" + certs.resolve("server.crt");
            PostgresOptions options = PostgresOptions.defaults().withEnvironment(Map.of(), dir);
            try (SshConnection c = SshConnection.open(s, TestPrompts.none());
                 Tunnel t = c.forward("127.0.0.1", pg.port())) {
                PostgresTarget real = PostgresTarget.parse("postgresql://postgres@db.internal:" + pg.port() + "/postgres" + query);
                PostgresDiagnoser.ConnectionTest ok = new PostgresDiagnoser().testConnection(real, options.withTunnel(t.endpoint()));
                assertTrue(ok.ok(), ok.message());
                try (PgSession session = PgSession.open(real, options.withTunnel(t.endpoint()));
                     var conn = session.readOnly("verify-full");
                     var st = conn.createStatement();
                     var rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                    rs.next();
                    assertTrue(rs.getBoolean(1), "the session is encrypted end to end");
                }
                PostgresTarget byAddress = PostgresTarget.parse("postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres" + query);
                PostgresDiagnoser.ConnectionTest refused = new PostgresDiagnoser().testConnection(byAddress,
                        options.withTunnel(t.endpoint()));
                assertEquals(false, refused.ok(), "127.0.0.1 is not the name in the certificate: " + refused.message());
                String evidence = new PostgresDiagnoser().diagnose(byAddress, options.withTunnel(t.endpoint()), null)
                        .findings().get(0).evidence();
                assertTrue(evidence.toLowerCase(java.util.Locale.ROOT).contains("hostname 127.0.0.1"), evidence);
            }
        }
    }

    /** keytool (in every JDK) makes the key and certificate; written as PEM for PostgreSQL. */
    private static void selfSigned(Path dir, String name) throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pg", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("pg", "changeit".toCharArray());
        Certificate cert = store.getCertificate("pg");
        Path keyFile = dir.resolve("server.key");
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("server.crt"), pem("CERTIFICATE", cert.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
