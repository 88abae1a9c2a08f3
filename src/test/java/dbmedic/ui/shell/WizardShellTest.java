package dbmedic.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.task.CancelledException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell alone, with stand-in steps: navigation bound to validity, keyboard, banner, cancel. */
@ExtendWith(ApplicationExtension.class)
class WizardShellTest {
    private FakeStep first;
    private FakeStep second;
    private FakeStep third;
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        first = new FakeStep("first", "First");
        second = new FakeStep("second", "Second");
        third = new FakeStep("third", "Third");
        shell = new WizardShell(List.of(first, second, third), new SimpleStringProperty("target"), new BackgroundRunner());
        Scene scene = new Scene(shell, 900, 600);
        Theme.style(scene);
        shell.install(scene);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void nextStaysDisabledUntilTheStepIsValid(FxRobot robot) {
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        robot.clickOn("#next");
        assertEquals("first", shell.current().key());

        robot.interact(() -> first.valid(true));
        assertFalse(next.isDisabled());
        robot.clickOn("#next");
        assertEquals("second", shell.current().key());
        assertTrue(robot.lookup("#step-first").queryAs(Label.class).getStyleClass().contains("done"));
        assertTrue(robot.lookup("#step-second").queryAs(Label.class).getStyleClass().contains("current"));
        assertEquals("Second", robot.lookup("#stepTitle").queryAs(Label.class).getText());
    }

    @Test
    void aStepOutOfTheFlowIsHiddenAndPassedOver(FxRobot robot) {
        robot.interact(() -> {
            first.valid(true);
            third.inFlowProperty().set(false);
        });
        robot.clickOn("#next");
        assertEquals("second", shell.current().key());
        assertFalse(robot.lookup("#step-third").queryAs(Label.class).isVisible(), "not in the sidebar");
        assertEquals("_Close", robot.lookup("#next").queryButton().getText(), "the second step is now the last");
        robot.interact(() -> third.inFlowProperty().set(true));
        assertEquals("_Next", robot.lookup("#next").queryButton().getText());
        assertTrue(robot.lookup("#step-third").queryAs(Label.class).getText().startsWith("3"));
        robot.interact(() -> {
            third.inFlowProperty().set(false);
            second.inFlowProperty().set(false);
        });
        robot.interact(() -> shell.back());
        assertEquals("first", shell.current().key());
        assertEquals("_Close", robot.lookup("#next").queryButton().getText(), "nothing after the first step is in the flow");
    }

    @Test
    void enterGoesNextAndAltLeftGoesBack(FxRobot robot) {
        robot.interact(() -> first.valid(true));
        robot.type(KeyCode.ENTER);
        assertEquals("second", shell.current().key());
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        assertEquals("first", shell.current().key());
    }

    @Test
    void aFailureShowsOneLineWithoutAStackTrace(FxRobot robot) {
        robot.interact(() -> shell.run("Failing", p -> {
            throw new IllegalStateException("disk on fire\n\tat some.Class.method(Class.java:1)");
        }, v -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        String text = robot.lookup("#bannerText").queryAs(Label.class).getText();
        assertTrue(text.contains("disk on fire"), text);
        assertFalse(text.contains("\n") || text.contains("some.Class"), text);
    }

    @Test
    void escapeCancelsRunningWorkAndNavigationWaitsForIt(FxRobot robot) {
        robot.interact(() -> first.valid(true));
        robot.interact(() -> shell.run("Spinning", p -> {
            while (!p.isCancelled()) {
                // an engine loop between units of work
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            throw new CancelledException();
        }, v -> { }));
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no navigation while work runs");
        assertTrue(robot.lookup("#workRow").query().isVisible());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertTrue(robot.lookup("#bannerText").queryAs(Label.class).getText().contains("Cancelled"));
        assertFalse(robot.lookup("#next").queryButton().isDisabled());
        assertFalse(robot.lookup("#workRow").query().isVisible());
    }

    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached within 60 s", e);
        }
    }

    static final class FakeStep extends Step {
        private final Node view = new Label("page");

        FakeStep(String key, String title) {
            super(key, title);
        }

        void valid(boolean v) {
            setValid(v);
        }

        @Override
        public Node view() {
            return view;
        }
    }
}
