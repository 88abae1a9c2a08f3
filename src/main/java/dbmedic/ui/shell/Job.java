package dbmedic.ui.shell;

import dbmedic.core.task.Progress;

/** Work to run off the FX thread; it reports through {@link Progress} and honours its cancel flag. */
@FunctionalInterface
public interface Job<T> {
    T run(Progress progress) throws Exception;
}
