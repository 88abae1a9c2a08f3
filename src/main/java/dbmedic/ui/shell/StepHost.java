package dbmedic.ui.shell;

import java.util.function.Consumer;
import javafx.stage.Window;

/** What the shell offers a step: background work, the banner, navigation. */
public interface StepHost {
    /** Runs a visible job (progress bar + Cancel); failures go to the banner unless handled. */
    <T> void run(String title, Job<T> job, Consumer<T> onSuccess);

    /** Like {@link #run(String, Job, Consumer)} but the step handles the failure itself. */
    <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    <T> void runQuietly(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Scrolls the page so that {@code node} (part of the current page) is in view. */
    void reveal(javafx.scene.Node node);

    void showError(String line);

    void showNotice(String line);

    void clearBanner();

    void next();

    void goTo(String stepKey);

    Window window();
}
