package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.SshConfigFile;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshFailure;
import dbmedic.core.ssh.SshSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Connect step's SSH part: the server (a Host from ~/.ssh/config, or user@host[:port]),
 * an optional key file (the agent and ~/.ssh keys are tried first, a password is asked for
 * last), and Test, which connects off the FX thread and says how it went in one line. The
 * host-key dialog and password prompts come from {@link FxSshPrompts}.
 */
public final class SshSection extends VBox {
    private final ComboBox<String> server = new ComboBox<>();
    private final TextField keyFile = new TextField();
    private final Label result = new Label();
    private final Path configFile;
    private final Path knownHosts;

    /** @param configFile ~/.ssh/config normally; @param knownHosts ~/.ssh/known_hosts normally */
    public SshSection(Path configFile, Path knownHosts) {
        super(8);
        this.configFile = configFile;
        this.knownHosts = knownHosts;
        server.setId("sshServer");
        server.setEditable(true);
        server.setPromptText("Host from ~/.ssh/config, or user@host[:port]");
        server.getItems().setAll(hosts(configFile));
        keyFile.setId("sshKeyFile");
        keyFile.setPromptText("Key file (optional: the ssh-agent and ~/.ssh keys are tried first)");
        Button test = new Button("Test _SSH");
        test.setId("sshTest");
        test.setOnAction(e -> test());
        result.setId("sshResult");
        result.setWrapText(true);
        getChildren().addAll(new Label("Through SSH (optional): the database host is then as the server sees it"),
                new HBox(8, server, test), keyFile, result);
    }

    private static List<String> hosts(Path configFile) {
        try {
            return SshConfigFile.read(configFile).hosts();
        } catch (SshFailure e) {
            return List.of();
        }
    }

    /** The settings as typed; a config alias is resolved through the config file. */
    public SshSettings settings() throws SshFailure {
        String dest = server.getEditor().getText() == null ? "" : server.getEditor().getText().strip();
        SshConfigFile config = SshConfigFile.read(configFile);
        SshSettings s = config.find(dest).orElse(null);
        if (s == null) {
            s = SshSettings.parse(dest);
        }
        String key = keyFile.getText() == null ? "" : keyFile.getText().strip();
        if (!key.isEmpty()) {
            s = s.withIdentityFiles(List.of(Path.of(key)));
        }
        return s.withKnownHosts(knownHosts);
    }

    private void test() {
        result.setText("Connecting…");
        FxSshPrompts prompts = new FxSshPrompts(getScene() == null ? null : getScene().getWindow());
        Thread t = new Thread(() -> {
            String line;
            try (SshConnection c = SshConnection.open(settings(), prompts)) {
                line = "Connected to " + c.describe() + " with " + c.authenticatedWith() + "."
                        + c.knownHostsNote().map(n -> " " + n).orElse("");
            } catch (SshFailure e) {
                line = e.getMessage();
            } catch (RuntimeException e) {
                line = "SSH failed: " + e.getMessage();
            }
            String shown = line;
            Platform.runLater(() -> result.setText(shown));
        }, "dbmedic-ssh-test");
        t.setDaemon(true);
        t.start();
    }
}
