package dbmedic.core.logs;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous bound: tests never sleep a fixed time nor assert on timing. */
final class Await {
    static final long BOUND_MS = 60_000;

    private Await() {
    }

    static void until(BooleanSupplier condition, Supplier<String> whatWeWaitedFor) {
        long deadline = System.nanoTime() + BOUND_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + BOUND_MS / 1000 + " s: " + whatWeWaitedFor.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + whatWeWaitedFor.get());
            }
        }
    }
}
