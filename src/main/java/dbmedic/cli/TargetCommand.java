package dbmedic.cli;

import dbmedic.core.Medic;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand that takes a TARGET shares: the argument, --app/--json, and the ways out. */
abstract class TargetCommand implements Callable<Integer> {
    @ParentCommand
    Cli parent;
    @Spec
    CommandSpec spec;
    @Mixin
    TargetOptions options;

    @Parameters(paramLabel = "TARGET",
            description = "A SQLite file, an InvokeAI root folder, or a GPUStack data folder.")
    String target;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Medic medic() {
        return parent.medic();
    }

    StderrProgress progress() {
        return new StderrProgress(err(), options.json);
    }

    /** One line on stderr and the exit code that goes with it. */
    int fail(int exitCode, String prefix, Exception e) {
        err().println("dbmedic: " + prefix + Cli.oneLine(e));
        return exitCode;
    }
}
