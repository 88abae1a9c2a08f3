package dbmedic.sshtest;

import dbmedic.core.ssh.HostKeyDecision;
import dbmedic.core.ssh.SshPrompts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Scripted answers for the SSH prompts; records what was asked (fingerprints, key files). */
public final class TestPrompts implements SshPrompts {
    private final String password;
    private final String passphrase;
    private final HostKeyDecision decision;
    public final List<String> asked = new CopyOnWriteArrayList<>();

    public TestPrompts(String password, String passphrase, HostKeyDecision decision) {
        this.password = password;
        this.passphrase = passphrase;
        this.decision = decision;
    }

    public static TestPrompts none() {
        return new TestPrompts(null, null, HostKeyDecision.REJECT);
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        asked.add("password " + user + "@" + host);
        return Optional.ofNullable(password).map(String::toCharArray);
    }

    @Override
    public Optional<char[]> passphrase(Path keyFile) {
        asked.add("passphrase " + keyFile.getFileName());
        return Optional.ofNullable(passphrase).map(String::toCharArray);
    }

    @Override
    public HostKeyDecision acceptUnknownHost(String host, String keyType, String sha256Fingerprint) {
        asked.add("host " + host + " " + keyType + " " + sha256Fingerprint);
        return decision;
    }
}
