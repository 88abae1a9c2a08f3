package dbmedic.cli;

import dbmedic.core.logs.ImmichLogParser;
import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.LogSource;
import dbmedic.core.logs.LogSourceException;
import dbmedic.core.logs.LogSourceSpec;
import dbmedic.core.logs.LogSources;
import dbmedic.core.logs.ReindexWatch;
import dbmedic.core.logs.Tail;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dbmedic logs SOURCE [--follow] [--json] [--tail N]}: read Immich's log, show reindex progress and known errors. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Read Immich's server log: reindex progress per index, known errors matched to findings.",
            "SOURCE: a file (or file:PATH), docker:CONTAINER, kubectl:NAMESPACE/POD, journal:UNIT."})
final class LogsCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the last lines and the summary to be printed. */
    private static final long SHUTDOWN_WAIT_SECONDS = 3;

    /** Where Ctrl-C comes from: the JVM's shutdown (SIGINT/SIGTERM); a test hands in its own. */
    interface Interrupts {
        /** Calls {@code onInterrupt} when the user interrupts; the returned handle unregisters. */
        AutoCloseable register(Runnable onInterrupt);
    }

    static final Interrupts SHUTDOWN_HOOK = onInterrupt -> {
        Thread hook = new Thread(onInterrupt, "dbmedic-logs-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running, nothing to remove.
            }
        };
    };

    static volatile Interrupts interrupts = SHUTDOWN_HOOK;

    @ParentCommand
    Cli parent;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "file, file:PATH, docker:CONTAINER, kubectl:NAMESPACE/POD or journal:UNIT")
    String source;

    @Option(names = {"-f", "--follow"}, description = "Keep reading new lines until interrupted (Ctrl-C) or the source ends.")
    boolean follow;

    @Option(names = "--json", description = "Print one JSON object per line and event.")
    boolean json;

    @Option(names = "--tail", paramLabel = "N", description = "Start at the last N lines, or 'all' (default: ${DEFAULT-VALUE}).",
            defaultValue = "200")
    String tail;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tail start;
        LogSourceSpec sourceSpec;
        try {
            start = parseTail(tail);
            sourceSpec = LogSourceSpec.parse(source);
        } catch (LogSourceException e) {
            err.println("dbmedic: " + e.getMessage());
            return ExitCode.UNUSABLE;
        }
        LogSource logSource;
        try {
            logSource = open(sourceSpec, start);
        } catch (LogSourceException e) {
            err.println("dbmedic: " + e.getMessage());
            return ExitCode.UNUSABLE;
        }
        ImmichLogParser parser = new ImmichLogParser(parent.medic()::explain);
        ReindexWatch watch = new ReindexWatch(Clock.systemUTC());
        LogEventPrinter printer = json ? new JsonLogEventPrinter(out) : new HumanLogEventPrinter(out);
        CountDownLatch finished = new CountDownLatch(1);
        AutoCloseable registration = !follow ? null : interrupts.register(() -> {
            // Ctrl-C: stop the source, let the reading thread print what it has and the summary.
            logSource.close();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            logSource.follow(line -> {
                LogEvent event = parser.parse(line);
                watch.accept(event);
                printer.print(event, watch);
            }, follow);
            printer.summary(watch);
            return ExitCode.OK;
        } catch (LogSourceException e) {
            out.flush();
            err.println("dbmedic: " + e.getMessage());
            return ExitCode.UNUSABLE;
        } finally {
            logSource.close();
            out.flush();
            finished.countDown();
            if (registration != null) {
                try {
                    registration.close();
                } catch (Exception ignored) {
                    // unregistering cannot fail in a way that matters here
                }
            }
        }
    }

    /** The local source; the SSH options put the same commands on a server instead. */
    LogSource open(LogSourceSpec sourceSpec, Tail start) throws LogSourceException {
        return LogSources.open(sourceSpec, start);
    }

    static Tail parseTail(String text) throws LogSourceException {
        if (text == null || text.equalsIgnoreCase("all")) {
            return Tail.all();
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Tail.last(n);
        } catch (NumberFormatException e) {
            throw new LogSourceException("--tail takes a number of lines or 'all', not '" + text + "'");
        }
    }
}
