package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.ui.shell.WizardShell;
import dbmedic.ui.watch.LogFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Watch page on a real log file that Immich (here: the test) appends to while it is
 * followed: both indexes go waiting → reindexing → done, errors are highlighted and linked
 * to their finding, and "Immich is ready" appears once the server listens.
 */
@ExtendWith(ApplicationExtension.class)
class WizardWatchTest {
    private static final String PREFIX = "immich_server  | [Nest] 7  - 10/30/2025, 9:01:0";
    private WizardShell shell;

    @Start
    void start(Stage stage) throws Exception {
        WizardContext ctx = ImmichWizardSupport.context(Files.createTempDirectory("dbmedic-ui-journals-"));
        shell = ImmichWizardSupport.open(stage, ctx);
    }

    @Test
    void followsAnAppendedLogThroughBothReindexes(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("immich.log");
        append(log, PREFIX + "1 PM     LOG [Microservices:DatabaseRepository] targetLists=1, current=1 for clip_index of 5000 rows");
        robot.interact(() -> shell.goTo("watch"));
        robot.interact(() -> robot.lookup("#watchFile").queryAs(TextField.class).setText(log.toString()));
        robot.clickOn("#startWatch");
        waitUntil(() -> !robot.lookup("#stopWatch").queryButton().isDisabled() && events(robot).size() == 1);

        append(log, PREFIX + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing clip_index (This may take a while, do not restart)",
                PREFIX + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing face_index (This may take a while, do not restart)");
        waitUntil(() -> states(robot).equals(List.of("clip_index reindexing", "face_index reindexing")));
        assertTrue(text(robot, "#immichReady").contains("Do not restart"), text(robot, "#immichReady"));

        append(log, PREFIX + "3 PM   ERROR [Microservices:DatabaseService] Failed to activate VectorChord extension.",
                PREFIX + "3 PM    WARN [Api:DatabaseService] Connecting to postgresql://immich:hunter2-secret@database:5432/immich",
                PREFIX + "4 PM     LOG [Microservices:DatabaseRepository] Reindexed face_index");
        waitUntil(() -> states(robot).equals(List.of("clip_index reindexing", "face_index done")));
        LogFeed.EventView error = events(robot).stream().filter(LogFeed.EventView::error).findFirst().orElseThrow();
        assertTrue(error.message().contains("Failed to activate VectorChord"), error.toString());
        assertTrue(events(robot).stream().noneMatch(e -> e.message().contains("hunter2")), "no password on screen");

        append(log, PREFIX + "5 PM     LOG [Microservices:DatabaseRepository] Reindexed clip_index");
        waitUntil(() -> states(robot).equals(List.of("clip_index done", "face_index done")));
        assertFalse(text(robot, "#immichReady").startsWith("✔"), "not ready before the server listens");

        append(log, PREFIX + "6 PM     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v2.2.0] [production]");
        waitUntil(() -> text(robot, "#immichReady").startsWith("✔ Immich is ready"));
        assertEquals(8, events(robot).size(), "every line appended is listed");

        robot.clickOn("#stopWatch");
        waitUntil(() -> !robot.lookup("#startWatch").queryButton().isDisabled());
    }

    private static void append(Path log, String... lines) throws Exception {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @SuppressWarnings("unchecked")
    private static List<LogFeed.EventView> events(FxRobot robot) {
        return List.copyOf(robot.lookup("#watchEvents").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static List<String> states(FxRobot robot) {
        List<LogFeed.IndexView> rows = robot.lookup("#watchIndexes").queryAs(TableView.class).getItems();
        return rows.stream().map(i -> i.index() + " " + i.state()).toList();
    }
}
