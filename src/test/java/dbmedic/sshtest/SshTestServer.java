package dbmedic.sshtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * An in-JVM Apache MINA SSH server on a random loopback port: host keys generated per server
 * (ed25519, ecdsa, rsa), public-key and password login, TCP forwarding allowed or refused,
 * and exec through {@code sh -c} with a folder of stand-in commands (a fake {@code docker})
 * first on PATH. Records every command it was asked to run.
 */
public final class SshTestServer implements AutoCloseable {
    public static final String USER = "admin";
    /** The password tests log in with; the leak test greps for it. */
    public static final String PASSWORD = "Ssh-Test-Password-5521";
    /** The passphrase of keys/id_ed25519_encrypted; the leak test greps for it. */
    public static final String PASSPHRASE = "Sesame-Passphrase-7491";

    private final SshServer sshd;
    private final List<KeyPair> hostKeys;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger authAttempts;

    private SshTestServer(SshServer sshd, List<KeyPair> hostKeys, java.util.concurrent.atomic.AtomicInteger attempts) {
        this.sshd = sshd;
        this.hostKeys = hostKeys;
        this.authAttempts = attempts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return sshd.getPort();
    }

    /** {@code admin@127.0.0.1:PORT}. */
    public String destination() {
        return USER + "@127.0.0.1:" + port();
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Login attempts the server saw (public key or password): 0 means nothing was sent. */
    public int authAttempts() {
        return authAttempts.get();
    }

    public List<KeyPair> hostKeys() {
        return hostKeys;
    }

    /** known_hosts lines for every host key: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public String knownHostsLines() {
        StringBuilder sb = new StringBuilder();
        for (KeyPair k : hostKeys) {
            sb.append(knownHostsName()).append(' ').append(PublicKeyEntry.toString(k.getPublic())).append('\n');
        }
        return sb.toString();
    }

    /** The same lines with the host name hashed ({@code |1|salt|hmac}), as HashKnownHosts writes them. */
    public String hashedKnownHostsLines() {
        StringBuilder sb = new StringBuilder();
        for (KeyPair k : hostKeys) {
            sb.append(hashed(knownHostsName())).append(' ').append(PublicKeyEntry.toString(k.getPublic())).append('\n');
        }
        return sb.toString();
    }

    public String knownHostsName() {
        return "[127.0.0.1]:" + port();
    }

    /** OpenSSH's {@code SHA256:...} fingerprint of the first host key. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKeys.get(0).getPublic());
    }

    static String hashed(String host) {
        try {
            byte[] salt = new byte[20];
            new java.security.SecureRandom().nextBytes(salt);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] h = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
            return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and drops every session at once (the "server gone" case). */
    public void stop() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (sshd.isStarted()) {
            stop();
        }
    }

    /**
     * A client connection that trusts this server (its keys written to {@code dir/known_hosts}),
     * logs in with the ed25519 test key, no agent, and adds each remote command line to {@code shown}.
     */
    public dbmedic.core.ssh.SshConnection openTrusted(Path dir, List<String> shown) throws Exception {
        Files.writeString(dir.resolve("known_hosts"), knownHostsLines());
        dbmedic.core.ssh.SshSettings s = dbmedic.core.ssh.SshSettings.parse(destination())
                .withKnownHosts(dir.resolve("known_hosts")).withIdentityFiles(List.of(key("id_ed25519")))
                .withAgent(false).withTimeouts(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(5), 2);
        return dbmedic.core.ssh.SshConnection.open(s, TestPrompts.none(), (where, line) -> shown.add(line));
    }

    /** A test key file from src/test/resources/dbmedic/ssh/keys. */
    public static Path key(String name) {
        try {
            return Path.of(SshTestServer.class.getResource("/dbmedic/ssh/keys/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test key copied into {@code dir} (so a test can also point ~/.ssh somewhere). */
    public static Path copyKey(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(key(name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static final class Builder {
        private final List<String> hostKeyTypes = new ArrayList<>(List.of("ed25519"));
        private final List<String> authorizedKeys = new ArrayList<>(List.of("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub",
                "id_ed25519_encrypted.pub", "putty_ed25519.pub", "putty_rsa_v2.pub"));
        private boolean forwarding = true;
        private boolean password = true;
        private Path bin;
        private List<KeyPair> hostKeys;

        /** Host key types offered: "ed25519", "ecdsa", "rsa". */
        public Builder hostKeys(String... types) {
            hostKeyTypes.clear();
            hostKeyTypes.addAll(List.of(types));
            return this;
        }

        /** Reuse host keys (a restarted server keeps its identity; a different list is a "changed" key). */
        public Builder hostKeyPairs(List<KeyPair> keys) {
            this.hostKeys = keys;
            return this;
        }

        public Builder authorizedKeys(String... pubFiles) {
            authorizedKeys.clear();
            authorizedKeys.addAll(List.of(pubFiles));
            return this;
        }

        public Builder forwarding(boolean allowed) {
            this.forwarding = allowed;
            return this;
        }

        public Builder password(boolean allowed) {
            this.password = allowed;
            return this;
        }

        /** A folder put first on PATH for exec'd commands (stand-in docker, kubectl, ...). */
        public Builder bin(Path folder) {
            this.bin = folder;
            return this;
        }

        public SshTestServer start() {
            try {
                List<KeyPair> keys = hostKeys != null ? hostKeys : generate(hostKeyTypes);
                SshServer s = SshServer.setUpDefaultServer();
                s.setHost("127.0.0.1");
                s.setPort(0);
                s.setKeyPairProvider(KeyPairProvider.wrap(keys));
                List<PublicKey> trusted = new ArrayList<>();
                for (String f : authorizedKeys) {
                    String line = Files.readString(key(f)).strip();
                    trusted.add(AuthorizedKeyEntry.parseAuthorizedKeyEntry(line).resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
                }
                java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
                KeySetPublickeyAuthenticator trustedKeys = new KeySetPublickeyAuthenticator("test", trusted);
                s.setPublickeyAuthenticator((user, key, session) -> {
                    attempts.incrementAndGet();
                    return USER.equals(user) && trustedKeys.authenticate(user, key, session);
                });
                if (password) {
                    s.setPasswordAuthenticator((user, pw, session) -> {
                        attempts.incrementAndGet();
                        return USER.equals(user) && PASSWORD.equals(pw);
                    });
                } else {
                    s.setPasswordAuthenticator(null);
                    s.setKeyboardInteractiveAuthenticator(null);
                }
                s.setForwardingFilter(forwarding ? AcceptAllForwardingFilter.INSTANCE : RejectAllForwardingFilter.INSTANCE);
                SshTestServer server = new SshTestServer(s, keys, attempts);
                s.setCommandFactory((channel, command) -> {
                    server.commands.add(command);
                    return new ShCommand(command, bin);
                });
                s.start();
                return server;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("test SSH server did not start", e);
            }
        }

        private static List<KeyPair> generate(List<String> types) throws GeneralSecurityException {
            List<KeyPair> out = new ArrayList<>();
            for (String t : types) {
                out.add(switch (t) {
                    case "ed25519" -> KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
                    case "ecdsa" -> KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
                    case "rsa" -> KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048);
                    default -> throw new IllegalArgumentException(t);
                });
            }
            return out;
        }
    }
}
