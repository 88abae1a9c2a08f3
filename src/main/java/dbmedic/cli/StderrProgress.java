package dbmedic.cli;

import dbmedic.core.task.Progress;
import java.io.PrintWriter;

/**
 * Progress for the command line: one line per new message on stderr (stdout stays clean
 * for --json), percentages only when they change by a step. Only at a terminal: scripts and
 * pipes get the result and nothing else.
 */
final class StderrProgress implements Progress {
    private final PrintWriter err;
    private final boolean quiet;
    private String lastMessage;
    private long lastPercent = -1;

    StderrProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet || System.console() == null;
    }

    @Override
    public void update(long done, long total, String message) {
        if (quiet) {
            return;
        }
        if (message != null && !message.equals(lastMessage)) {
            lastMessage = message;
            lastPercent = -1;
            err.println("… " + message);
            err.flush();
        }
        if (total > 0 && done >= 0) {
            long percent = done * 100 / total;
            if (percent / 25 != lastPercent / 25 && percent < 100) {
                lastPercent = percent;
                err.println("  " + percent + "%");
                err.flush();
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
