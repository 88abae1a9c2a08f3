package dbmedic.core.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host-key decision under JSch's {@code StrictHostKeyChecking=yes}: known_hosts is read
 * with JSch's own parser (hashed {@code |1|} lines, {@code [host]:port}); an unknown host is
 * put to the user (or accepted by {@code --accept-new-host-key}) and, when remembered,
 * appended as one line — the user's file is never rewritten. A changed key stays CHANGED, so
 * JSch aborts during the key exchange, before authentication: nothing is sent.
 */
final class KnownHostsCheck implements HostKeyRepository {
    private final HostKeyRepository file;
    private final Path path;
    private final boolean acceptNew;
    private final SshPrompts prompts;
    private final List<HostKey> acceptedNow = new ArrayList<>();
    private String changedHost;
    private String changedFingerprint;
    private String rejectedHost;
    private String rejectedFingerprint;

    KnownHostsCheck(Path path, boolean acceptNew, SshPrompts prompts) throws SshFailure {
        this.path = path;
        this.acceptNew = acceptNew;
        this.prompts = prompts;
        JSch reader = new JSch();
        try {
            if (Files.isRegularFile(path)) {
                reader.setKnownHosts(path.toString());
            }
        } catch (JSchException e) {
            throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "Cannot read the known_hosts file " + path + ": " + e.getMessage(), e);
        }
        this.file = reader.getHostKeyRepository();
    }

    @Override
    public int check(String host, byte[] key) {
        for (HostKey k : acceptedNow) {
            if (k.getHost().equals(host) && k.getKey().equals(Base64.getEncoder().encodeToString(key))) {
                return OK;
            }
        }
        int known = file.check(host, key);
        if (known == OK) {
            return OK;
        }
        if (known == CHANGED) {
            changedHost = host;
            changedFingerprint = sha256(key);
            return CHANGED;
        }
        HostKey offered;
        try {
            offered = new HostKey(host, key);
        } catch (JSchException e) {
            return NOT_INCLUDED;
        }
        HostKeyDecision decision = acceptNew ? HostKeyDecision.ACCEPT_AND_REMEMBER
                : prompts.acceptUnknownHost(host, offered.getType(), sha256(key));
        if (decision == null || decision == HostKeyDecision.REJECT) {
            rejectedHost = host;
            rejectedFingerprint = offered.getType() + " " + sha256(key);
            return NOT_INCLUDED;
        }
        acceptedNow.add(offered);
        if (decision == HostKeyDecision.ACCEPT_AND_REMEMBER) {
            append(offered);
        }
        return OK;
    }

    /** One known_hosts line at the end of the file (created 0600 in a 0700 folder if missing). */
    private void append(HostKey k) {
        String line = k.getHost() + " " + k.getType() + " " + k.getKey() + System.lineSeparator();
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            boolean created = !Files.exists(path);
            String prefix = !created && Files.size(path) > 0 && !endsWithNewline(path) ? System.lineSeparator() : "";
            Files.writeString(path, prefix + line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                restrict(path, "rw-------");
            }
        } catch (IOException e) {
            appendFailure = "the key was accepted for this connection but could not be saved in " + path + ": " + e.getMessage();
        }
    }

    private String appendFailure;

    /** Why the accepted key is not in known_hosts, or null. */
    String appendFailure() {
        return appendFailure;
    }

    private static boolean endsWithNewline(Path p) throws IOException {
        byte[] all = Files.readAllBytes(p);
        return all.length == 0 || all[all.length - 1] == '\n';
    }

    private static void restrict(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }

    /** OpenSSH's fingerprint form: {@code SHA256:} and unpadded base64 of the key blob. */
    static String sha256(byte[] key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key types known_hosts holds for {@code host}, in JSch's algorithm names, to prefer them. */
    List<String> knownAlgorithms(String host) {
        Set<String> algs = new LinkedHashSet<>();
        HostKey[] keys = file.getHostKey(host, null);
        if (keys != null) {
            for (HostKey k : keys) {
                if ("ssh-rsa".equals(k.getType())) {
                    algs.add("rsa-sha2-512");
                    algs.add("rsa-sha2-256");
                } else {
                    algs.add(k.getType());
                }
            }
        }
        return new ArrayList<>(algs);
    }

    String changedHost() {
        return changedHost;
    }

    String changedFingerprint() {
        return changedFingerprint;
    }

    String rejectedHost() {
        return rejectedHost;
    }

    String rejectedFingerprint() {
        return rejectedFingerprint;
    }

    Path path() {
        return path;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Only check() accepts keys, after the user said so.
    }

    @Override
    public void remove(String host, String type) {
        // DB Medic never removes known_hosts entries.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // DB Medic never removes known_hosts entries.
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return path.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return file.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return file.getHostKey(host, type);
    }
}
