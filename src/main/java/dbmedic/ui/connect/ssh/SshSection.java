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
    private final SshLink link;

    /** A section with a link of its own. @param configFile ~/.ssh/config normally; @param knownHosts ~/.ssh/known_hosts normally */
    public SshSection(Path configFile, Path knownHosts) {
        this(new SshLink(configFile, knownHosts));
    }

    /** The section for the wizard's kept link: what is typed here is what every later step connects with. */
    public SshSection(SshLink link) {
        super(8);
        this.link = link;
        server.setId("sshServer");
        server.setEditable(true);
        server.setPromptText("Host from ~/.ssh/config, or user@host[:port]");
        server.setPrefWidth(360);
        server.getItems().setAll(hosts(link.configFile()));
        server.getEditor().textProperty().bindBidirectional(link.server);
        keyFile.setId("sshKeyFile");
        keyFile.setPromptText("Key file (optional: the ssh-agent and ~/.ssh keys are tried first, a password last)");
        keyFile.textProperty().bindBidirectional(link.keyFile);
        HBox.setHgrow(keyFile, javafx.scene.layout.Priority.ALWAYS);
        Button test = new Button("Test _SSH");
        test.setMnemonicParsing(true);
        test.setId("sshTest");
        test.setOnAction(e -> test());
        result.setId("sshResult");
        result.setWrapText(true);
        Label title = new Label("Through _SSH (optional)");
        title.setMnemonicParsing(true);
        title.setLabelFor(server);
        title.getStyleClass().add("title-4");
        Label hint = new Label("When the database runs on a server, DB Medic connects to the server over SSH and "
                + "reaches PostgreSQL from there: the host in the URL is then as the server sees it (127.0.0.1 when the "
                + "compose file publishes the port, otherwise the container's address on Docker's network; the server "
                + "cannot resolve service names such as database). The server's key is checked against known_hosts.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        getChildren().addAll(title, hint, new HBox(8, server, test), keyFile, result);
        setId("sshSection");
        link.server.addListener((o, a, b) -> result.setText(""));
        link.keyFile.addListener((o, a, b) -> result.setText(""));
    }

    public SshLink link() {
        return link;
    }

    /** The user's home folder as ~, as ssh users write it. */
    static String tilde(String line) {
        String home = System.getProperty("user.home");
        return home == null || home.length() < 2 ? line : line.replace(home + java.io.File.separator, "~" + java.io.File.separator);
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
        return link.settings();
    }

    /** Connects (the session is kept for the later steps) and says how it went in one line. */
    private void test() {
        if (!link.enabled()) {
            result.setText("Type the SSH server first (a Host from ~/.ssh/config, or user@host).");
            return;
        }
        result.setText("Connecting…");
        result.getStyleClass().removeAll("resolve-ok", "resolve-error");
        if (getScene() != null && link.owner() == null) {
            link.setOwner(getScene().getWindow());
        }
        Thread t = new Thread(() -> {
            String line;
            try {
                SshConnection c = link.connection();
                line = "✔ Connected to " + c.describe() + " with " + c.authenticatedWith() + "."
                        + c.knownHostsNote().map(n -> " " + n).orElse("");
            } catch (SshFailure e) {
                line = "✖ " + SshMessages.of(e);
            } catch (RuntimeException e) {
                line = "✖ SSH failed: " + e.getMessage();
            }
            String shown = tilde(line);
            Platform.runLater(() -> {
                result.setText(shown);
                result.getStyleClass().removeAll("resolve-ok", "resolve-error");
                result.getStyleClass().add(shown.startsWith("✔") ? "resolve-ok" : "resolve-error");
            });
        }, "dbmedic-ssh-test");
        t.setDaemon(true);
        t.start();
    }
}
