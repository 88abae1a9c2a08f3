package dbmedic.ui.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.ui.FxTestSupport;
import dbmedic.sshtest.SshTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SSH part of Connect against a real in-JVM SSH server: the host list, Test, and the host-key dialog. */
@ExtendWith(ApplicationExtension.class)
class SshSectionTest {
    private static SshTestServer server;
    private static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = SshTestServer.builder().password(false).start();
        dir = Files.createTempDirectory("ssh-section");
        Files.writeString(dir.resolve("config"), String.join("\n", "Host homeserver", "  HostName 127.0.0.1",
                "  Port " + server.port(), "  User admin", "  IdentityFile " + SshTestServer.key("id_ed25519"), "Host *.lan",
                "  User admin", ""));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(dir.resolve("known_hosts"));
        stage.setScene(new Scene(new SshSection(dir.resolve("config"), dir.resolve("known_hosts")), 700, 300));
        stage.show();
    }

    @Test
    void unknownServerShowsItsFingerprintAndTrustingItConnects(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#sshServer").queryAs(ComboBox.class);
        assertEquals(List.of("homeserver"), servers.getItems());
        robot.interact(() -> servers.getEditor().setText("homeserver"));
        robot.clickOn("#sshTest");
        FxTestSupport.waitUntil(() -> robot.lookup("#hostKeyText").tryQuery().isPresent());
        String shown = robot.lookup("#hostKeyText").queryAs(Label.class).getText();
        assertTrue(shown.contains(server.fingerprint()), shown);
        robot.clickOn("#trustRemember");
        FxTestSupport.waitUntil(() -> FxTestSupport.text(robot, "#sshResult").startsWith("✔ Connected to"));
        assertTrue(FxTestSupport.text(robot, "#sshResult").contains("id_ed25519"), FxTestSupport.text(robot, "#sshResult"));
        assertTrue(Files.readString(dir.resolve("known_hosts")).startsWith(server.knownHostsName() + " ssh-ed25519 "));
    }

    @Test
    void refusingTheKeySaysSoAndWritesNothing(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#sshServer").queryAs(ComboBox.class);
        robot.interact(() -> servers.getEditor().setText("homeserver"));
        robot.clickOn("#sshTest");
        FxTestSupport.waitUntil(() -> robot.lookup("#hostKeyText").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".button").match(n -> "Cancel".equals(((javafx.scene.control.Button) n).getText()))
                .queryButton());
        FxTestSupport.waitUntil(() -> FxTestSupport.text(robot, "#sshResult").contains("was not accepted"));
        assertTrue(Files.notExists(dir.resolve("known_hosts")));
    }
}
