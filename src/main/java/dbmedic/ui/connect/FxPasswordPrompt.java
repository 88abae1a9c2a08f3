package dbmedic.ui.connect;

import dbmedic.core.postgres.PasswordPrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The engine asks for a PostgreSQL password from its background thread; this shows a
 * password dialog on the FX thread and waits for the answer. The text never leaves the
 * dialog except as the char[] the engine clears after use.
 */
public final class FxPasswordPrompt implements PasswordPrompt {
    private final Window owner;

    public FxPasswordPrompt(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<char[]> ask(String question) {
        if (Platform.isFxApplicationThread()) {
            return show(question); // never expected: the engine runs off the FX thread
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(show(question)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> show(String question) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("PostgreSQL password");
        dialog.setHeaderText(question.strip());
        PasswordField field = new PasswordField();
        field.setId("passwordField");
        dialog.getDialogPane().setContent(new VBox(8, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        Optional<char[]> result = dialog.showAndWait();
        field.clear();
        return result;
    }
}
