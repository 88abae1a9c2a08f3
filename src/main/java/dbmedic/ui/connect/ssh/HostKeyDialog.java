package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.HostKeyDecision;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * "First connection to this server": its key fingerprint, and an explicit choice. Cancel is
 * the default button, so Enter never trusts a key by accident.
 */
final class HostKeyDialog {
    static final ButtonType REMEMBER = new ButtonType("Trust and remember", ButtonBar.ButtonData.OTHER);
    static final ButtonType ONCE = new ButtonType("Trust this time", ButtonBar.ButtonData.OTHER);

    private HostKeyDialog() {
    }

    static HostKeyDecision ask(Window owner, String host, String keyType, String fingerprint) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle("Unknown SSH server");
        alert.setHeaderText("First connection to " + host);
        Label text = new Label("Its " + keyType + " key fingerprint is\n" + fingerprint + "\n\n"
                + "Compare it with the one the server shows (ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(keyType)
                + "_key.pub on the server). Trust it only if they are the same.");
        text.setId("hostKeyText");
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        alert.getButtonTypes().setAll(REMEMBER, ONCE, ButtonType.CANCEL);
        alert.getDialogPane().lookupButton(REMEMBER).setId("trustRemember");
        alert.getDialogPane().lookupButton(ONCE).setId("trustOnce");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(REMEMBER)).setDefaultButton(false);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == REMEMBER) {
            return HostKeyDecision.ACCEPT_AND_REMEMBER;
        }
        return answer == ONCE ? HostKeyDecision.ACCEPT_ONCE : HostKeyDecision.REJECT;
    }

    private static String shortType(String keyType) {
        if (keyType.contains("ed25519")) {
            return "ed25519";
        }
        return keyType.startsWith("ecdsa") ? "ecdsa" : "rsa";
    }
}
