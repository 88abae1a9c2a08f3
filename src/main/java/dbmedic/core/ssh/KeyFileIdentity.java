package dbmedic.core.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A private key file (OpenSSH, PEM/PKCS#8 or PuTTY format) offered to the server. An
 * encrypted key asks for its passphrase only once the server accepted its public half, so a
 * key the server does not know never prompts; a wrong passphrase is recorded, not retried.
 */
final class KeyFileIdentity implements Identity {
    private final KeyPair pair;
    private final Path file;
    private final String shown;
    private final SshPrompts prompts;
    private final AuthTrail trail;
    private boolean decrypted;
    private boolean gaveUp;

    KeyFileIdentity(KeyPair pair, Path file, String shown, SshPrompts prompts, AuthTrail trail) {
        this.pair = pair;
        this.file = file;
        this.shown = shown;
        this.prompts = prompts;
        this.trail = trail;
        this.decrypted = !pair.isEncrypted();
    }

    @Override
    public boolean setPassphrase(byte[] passphrase) {
        return decrypted;
    }

    @Override
    public byte[] getPublicKeyBlob() {
        trail.noteIfAbsent("key " + shown, "refused");
        return pair.getPublicKeyBlob();
    }

    @Override
    public byte[] getSignature(byte[] data) {
        return ready() ? sign(pair.getSignature(data)) : null;
    }

    @Override
    public byte[] getSignature(byte[] data, String alg) {
        return ready() ? sign(pair.getSignature(data, alg)) : null;
    }

    private byte[] sign(byte[] signature) {
        trail.note("key " + shown, "accepted");
        trail.succeeded("key " + shown);
        return signature;
    }

    /** Decrypts on first use, asking for the passphrase once. */
    private synchronized boolean ready() {
        if (decrypted) {
            return true;
        }
        if (gaveUp) {
            return false;
        }
        gaveUp = true;
        Optional<char[]> pass = prompts.passphrase(file);
        if (pass.isEmpty()) {
            trail.note("key " + shown, "encrypted, no passphrase given");
            return false;
        }
        byte[] bytes = SecretBytes.utf8(pass.get());
        try {
            if (pair.decrypt(bytes)) {
                decrypted = true;
                return true;
            }
            trail.wrongPassphrase(shown);
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(pass.get(), '\0');
        }
    }

    @Override
    public String getAlgName() {
        return pair.getKeyTypeString();
    }

    @Override
    public String getName() {
        return shown;
    }

    @Override
    public boolean isEncrypted() {
        // JSch must not prompt by itself: ready() asks through SshPrompts when a signature is needed.
        return false;
    }

    @Override
    public void clear() {
        pair.dispose();
    }

    static KeyPair load(com.jcraft.jsch.JSch jsch, Path file) throws JSchException {
        return KeyPair.load(jsch, file.toString(), null);
    }
}
