package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.HostKeyDecision;
import dbmedic.core.ssh.SshPrompts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The SSH questions as dialogs: the engine asks from its background thread, the dialog runs
 * on the FX thread, the background thread waits for the answer. Secrets leave the dialog only
 * as the char[] the engine clears.
 */
public final class FxSshPrompts implements SshPrompts {
    private final Window owner;

    public FxSshPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        return onFx(() -> secret("SSH password", "Password for " + user + "@" + host, "sshPasswordField"));
    }

    @Override
    public Optional<char[]> passphrase(Path keyFile) {
        return onFx(() -> secret("Key passphrase", "Passphrase for the key " + keyFile, "sshPassphraseField"));
    }

    @Override
    public HostKeyDecision acceptUnknownHost(String host, String keyType, String sha256Fingerprint) {
        return onFx(() -> HostKeyDialog.ask(owner, host, keyType, sha256Fingerprint));
    }

    private <T> T onFx(Supplier<T> dialog) {
        if (Platform.isFxApplicationThread()) {
            return dialog.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dialog failed", e.getCause());
        }
    }

    private Optional<char[]> secret(String title, String question, String id) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        PasswordField field = new PasswordField();
        field.setId(id);
        dialog.getDialogPane().setContent(new VBox(8, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        Optional<char[]> result = dialog.showAndWait();
        field.clear();
        return result;
    }
}
