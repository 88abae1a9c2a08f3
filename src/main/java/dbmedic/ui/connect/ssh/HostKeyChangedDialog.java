package dbmedic.ui.connect.ssh;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The server's key is not the one known_hosts has: possibly a man in the middle. The engine
 * already refused (nothing was sent); this makes sure the user reads why, rather than a
 * banner line among others. There is no "connect anyway".
 */
final class HostKeyChangedDialog {
    private HostKeyChangedDialog() {
    }

    static void show(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("SSH host key changed");
        alert.setHeaderText("The server's identity changed: DB Medic did not connect");
        Label text = new Label(message);
        text.setId("hostKeyChangedText");
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        alert.getButtonTypes().setAll(ButtonType.OK);
        alert.show();
    }
}
