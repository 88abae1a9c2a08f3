package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.Medic;
import dbmedic.core.finding.Finding;
import dbmedic.core.plan.PlanStep;
import dbmedic.core.plan.RepairPlan;
import dbmedic.demo.DemoDatabase;
import dbmedic.fixtures.SqliteFixtures;
import dbmedic.ui.shell.Theme;
import dbmedic.ui.shell.WizardShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The SQLite flow through the real engine on a real fixture database, driven by clicks:
 * Start → Connect → Diagnose → Back up → Repair → Verify, then the file itself is checked.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    private static final Medic MEDIC = new Medic();
    private WizardShell shell;
    private WizardContext ctx;
    private final List<String> openedPages = new ArrayList<>();
    private Path demoFolder;

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply(false);
        demoFolder = Files.createTempDirectory("dbmedic-ui-demo-");
        ctx = new WizardContext(MEDIC, page -> {
            openedPages.add(page);
            return null;
        }, null);
        shell = WizardWindow.open(stage, ctx, p -> DemoDatabase.create(demoFolder.resolve("root")));
    }

    @Test
    void repairsAMissingColumnEndToEndAndKeepsTheRows(FxRobot robot, @TempDir Path dir) throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        Map<String, Long> rowsBefore = rowCounts(db);
        Path root = db.getParent().getParent();

        robot.clickOn("#next");
        assertEquals("connect", shell.current().key());
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "nothing chosen yet");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(root.toString()));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
        String resolved = text(robot, "#resolveStatus");
        assertTrue(resolved.contains("databases") && resolved.contains("invokeai.db"), resolved);

        robot.clickOn("#next");
        assertEquals("diagnose", shell.current().key());
        waitUntil(() -> ctx.diagnosis.get() != null);
        assertTrue(shownFindings(robot, "#findings").stream().anyMatch(
                f -> f.severity().label().equals("error") && "session_queue.destination".equals(f.subject())),
                "the missing column is shown as an error");
        assertTrue(robot.lookup("#findings .finding-subject").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("session_queue.destination")));
        assertFalse(robot.lookup("#saveReport").query().isVisible(), "no report saver given: button hidden");
        assertTrue(text(robot, "#targetHeader").contains("InvokeAI"), text(robot, "#targetHeader"));

        robot.clickOn("#next");
        assertEquals("backup", shell.current().key());
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no repair before a verified backup");
        robot.clickOn("#startBackup");
        waitUntil(() -> ctx.backup.get() != null);
        assertTrue(ctx.backup.get().verified());
        assertTrue(text(robot, "#backupStatus").contains("Verified backup"), text(robot, "#backupStatus"));
        assertTrue(Files.isRegularFile(Path.of(text(robot, "#backupFile"))));
        assertEquals(64, text(robot, "#backupSha").length());

        robot.clickOn("#next");
        assertEquals("repair", shell.current().key());
        waitUntil(() -> ctx.plan.get() != null);
        String preview = robot.lookup("#planPreview").queryAs(TextArea.class).getText();
        assertTrue(preview.contains("ADD COLUMN destination"), preview);
        assertTrue(robot.lookup("#applyRepair").queryButton().isDisabled(), "apply needs the confirmation");
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "not repaired yet");
        robot.clickOn("#confirmRead");
        robot.clickOn("#applyRepair");
        waitUntil(() -> ctx.repaired.get());
        assertTrue(text(robot, "#repairStatus").contains("Repaired"), text(robot, "#repairStatus"));

        robot.clickOn("#next");
        assertEquals("verify", shell.current().key());
        waitUntil(() -> ctx.verify.get() != null);
        assertTrue(ctx.verify.get().ok(), () -> String.join("; ", ctx.verify.get().problems()));
        assertTrue(text(robot, "#verifyVerdict").startsWith("✔ Verified"), text(robot, "#verifyVerdict"));

        assertTrue(columns(db, "session_queue").contains("destination"));
        assertEquals(rowsBefore, rowCounts(db), "every row kept");
    }

    @Test
    void theFlowWorksFromTheKeyboard(FxRobot robot, @TempDir Path dir) throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        robot.type(KeyCode.ENTER);
        assertEquals("connect", shell.current().key());
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(db.toString()));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> ctx.diagnosis.get() != null && !robot.lookup("#next").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        assertEquals("backup", shell.current().key());
        alt(robot, KeyCode.S);
        waitUntil(() -> ctx.backup.get() != null && !robot.lookup("#next").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        assertEquals("repair", shell.current().key());
        waitUntil(() -> ctx.plan.get() != null);
        alt(robot, KeyCode.I);
        assertTrue(robot.lookup("#confirmRead").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        alt(robot, KeyCode.A);
        waitUntil(() -> ctx.repaired.get() && !robot.lookup("#next").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        assertEquals("verify", shell.current().key());
        waitUntil(() -> ctx.verify.get() != null);
        assertTrue(ctx.verify.get().ok());
        assertTrue(columns(db, "session_queue").contains("destination"));
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).press(key).release(key).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFailingRepairSaysRolledBackAndLeavesTheDatabaseAsItWas(FxRobot robot, @TempDir Path dir) throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        Map<String, Long> rowsBefore = rowCounts(db);
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(db.toString()));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        waitUntil(() -> ctx.diagnosis.get() != null && !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        robot.clickOn("#startBackup");
        waitUntil(() -> ctx.backup.get() != null && !robot.lookup("#next").queryButton().isDisabled());
        // a plan whose second statement fails: the first must be rolled back with it
        robot.interact(() -> ctx.plan.set(new RepairPlan(List.of(
                new PlanStep("Add session_queue.destination", "session_queue",
                        List.of("ALTER TABLE session_queue ADD COLUMN destination TEXT")),
                new PlanStep("Touch a table that is not there", "no_such_table",
                        List.of("ALTER TABLE no_such_table ADD COLUMN x TEXT"))), Map.of(), List.of())));
        robot.clickOn("#next");
        assertEquals("repair", shell.current().key());
        assertTrue(robot.lookup("#planPreview").queryAs(TextArea.class).getText().contains("no_such_table"));
        robot.clickOn("#confirmRead");
        robot.clickOn("#applyRepair");
        waitUntil(() -> text(robot, "#repairStatus").startsWith("✖"));
        String status = text(robot, "#repairStatus");
        assertTrue(status.contains("Rolled back") && status.contains("unchanged"), status);
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "a failed repair does not lead on to Verify");
        assertFalse(ctx.repaired.get());
        assertFalse(columns(db, "session_queue").contains("destination"), "the first statement was rolled back");
        assertEquals(rowsBefore, rowCounts(db));
    }

    @Test
    void aMissingPathShowsOneLineAndBlocksNext(FxRobot robot, @TempDir Path dir) {
        robot.clickOn("#next");
        Path missing = dir.resolve("no-such-folder").resolve("invokeai.db");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(missing.toString()));
        waitUntil(() -> robot.lookup("#resolveStatus").queryAs(Label.class).getStyleClass().contains("resolve-error"));
        String line = text(robot, "#resolveStatus");
        assertTrue(line.contains("no-such-folder"), line);
        assertFalse(line.contains("\n") || line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAtConnectWithOneLine(FxRobot robot, @TempDir Path dir) throws Exception {
        String content = "these are my notes, not a database\n".repeat(20);
        Path notes = Files.writeString(dir.resolve("notes.db"), content);
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(notes.toString()));
        waitUntil(() -> robot.lookup("#resolveStatus").queryAs(Label.class).getStyleClass().contains("resolve-error"));
        String line = text(robot, "#resolveStatus");
        assertFalse(line.contains("\n") || line.contains("Exception") || line.contains("Something went wrong"), line);
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
        assertEquals(content, Files.readString(notes), "not touched");
    }

    @Test
    void explainsAPastedErrorAsAFinding(FxRobot robot) {
        robot.interact(() -> robot.lookup("#errorText").queryAs(TextArea.class).setText(
                "[2024-07-01 10:00:00,000]::[InvokeAI]::ERROR --> sqlite3.OperationalError: no such column: destination"));
        robot.clickOn("#explain");
        waitUntil(() -> !shownFindings(robot, "#explainResults").isEmpty());
        List<Finding> shown = shownFindings(robot, "#explainResults");
        assertTrue(shown.stream().anyMatch(f -> f.id().equals("sqlite.missing-column")
                && f.subject() != null && f.subject().contains("destination")), shown::toString);
        assertTrue(text(robot, "#explainStatus").contains("known problem"));

        robot.interact(() -> robot.lookup("#stepPane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#explainResults .finding-docs");
        assertEquals(List.of("docs/findings/sqlite.missing-column.md"), openedPages.subList(0, 1));
    }

    @Test
    void tryTheDemoOpensConnectWithTheDemoResolved(FxRobot robot) {
        robot.clickOn("#tryDemo");
        // The step's key changes before its page is in the scene: wait for the page itself.
        waitUntil(() -> shell.current().key().equals("connect") && !robot.lookup("#next").queryButton().isDisabled()
                && robot.lookup("#resolveStatus").tryQuery().isPresent());
        assertEquals("invokeai", ctx.app.get());
        assertTrue(text(robot, "#resolveStatus").contains("invokeai.db"), text(robot, "#resolveStatus"));
        assertTrue(Files.isRegularFile(demoFolder.resolve("root").resolve(DemoDatabase.DB_RELATIVE)));
    }

    // ---- helpers -------------------------------------------------------------------------------


    private static List<Finding> shownFindings(FxRobot robot, String list) {
        List<Finding> out = new ArrayList<>();
        for (Node card : robot.lookup(list + " .finding-card").queryAll()) {
            out.add((Finding) card.getProperties().get(Finding.class));
        }
        return out;
    }

    /** Waits for background work; the bound is generous and is not what the test measures. */
    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the wizard did not get there", e);
        }
    }

    private static Map<String, Long> rowCounts(Path db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> columns(Path db, String table) throws Exception {
        List<String> cols = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                cols.add(rs.getString("name"));
            }
        }
        return cols;
    }
}
