package dbmedic.ui.shell;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.plan.RepairFailedException;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into one plain line for the banner; the stack trace goes to the log only. */
public final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);

    private ErrorMessages() {
    }

    public static String oneLine(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof UnusableInputException || e instanceof BackupFailedException
                || e instanceof CancelledException || e instanceof dbmedic.core.logs.LogSourceException
                || e instanceof dbmedic.core.immich.migrate.MigrationFailedException
                || e instanceof dbmedic.core.ssh.SshFailure
                || e instanceof dbmedic.core.postgres.backup.DumpFailedException) {
            return firstLine(e.getMessage(), e);
        }
        if (e instanceof dbmedic.core.immich.migrate.MigrationRefusedException refused && !refused.refusals().isEmpty()) {
            var r = refused.refusals().get(0);
            return firstLine(r.reason() + " " + r.whatToDo(), e) + " Nothing was changed.";
        }
        if (e instanceof RepairFailedException) {
            return "Rolled back: " + firstLine(e.getMessage(), e) + " The database is unchanged.";
        }
        LOG.warn("Unexpected failure in the wizard", e);
        return "Something went wrong: " + firstLine(e.getMessage(), e) + " (details are in the log)";
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String message, Throwable e) {
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "…" : line;
    }
}
