package dbmedic.cli;

import dbmedic.core.Medic;
import dbmedic.core.Version;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code dbmedic <subcommand> ...}. Input errors are one line on stderr
 * with exit 2, never a stack trace (details go to the log file).
 */
@Command(name = "dbmedic", mixinStandardHelpOptions = true, versionProvider = Cli.VersionInfo.class,
        description = "Diagnoses and safely repairs the databases of self-hosted apps (InvokeAI, GPUStack).%n"
                + "Without a subcommand, opens the wizard.",
        subcommands = {DiagnoseCommand.class, BackupCommand.class, RepairCommand.class, VerifyCommand.class,
                ExplainCommand.class, RestoreCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy, or the command succeeded", "1:problems found or remaining",
                "2:the input could not be used", "3:a repair failed and was rolled back"})
public final class Cli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<Medic> medic;
    private Medic created;

    Cli(Supplier<Medic> medic) {
        this.medic = medic;
    }

    synchronized Medic medic() {
        if (created == null) {
            created = medic.get();
        }
        return created;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(Medic::new, out, err).execute(args);
    }

    static CommandLine commandLine(Supplier<Medic> medic, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli(medic));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("dbmedic: " + ex.getMessage());
            err.println("Try 'dbmedic " + (ex.getCommandLine().getCommandName().equals("dbmedic") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.UNUSABLE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.error("Unexpected failure", ex);
            err.println("dbmedic: internal error: " + oneLine(ex) + " (details in the log file)");
            return ExitCode.UNUSABLE;
        });
        return cl;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"DB Medic " + Version.current()};
        }
    }
}
