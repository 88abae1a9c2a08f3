package dbmedic.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** What the screenshot tours (not tests) share: run on the FX thread, wait, take an X screenshot. */
final class TourSteps {
    private TourSteps() {
    }

    interface FxAction {
        void run() throws Exception;
    }

    static void fx(FxAction action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> v = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    v.complete(condition.call());
                } catch (Exception e) {
                    v.complete(false);
                }
            });
            if (v.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("tour step did not finish");
    }

    /** {@code import -window root} into {@code folder/name.png}, after the window painted. */
    static void shot(Path folder, String name) throws Exception {
        fx(() -> { });
        Thread.sleep(700); // let the window paint before the X screenshot
        new ProcessBuilder("import", "-window", "root", folder.resolve(name + ".png").toString()).inheritIO().start().waitFor();
    }
}
