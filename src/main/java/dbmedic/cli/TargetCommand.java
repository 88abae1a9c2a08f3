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
            description = "A SQLite file, an InvokeAI root or GPUStack data folder, a postgresql:// URL (Immich's DB_URL),"
                    + " a copied PostgreSQL data directory, or an Immich compose folder.")
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

    /** Backup, repair and verify work on SQLite files only, so far: one clear line otherwise. */
    Integer refuseUnlessRepairable(dbmedic.core.target.Target t) {
        if (Medic.canRepair(t)) {
            return null;
        }
        err().println("dbmedic: " + Medic.NOT_REPAIRABLE + ". Run: dbmedic diagnose " + HumanOutput.quoteArg(redactedTarget()));
        return ExitCode.UNUSABLE;
    }

    /** The TARGET as the user typed it, without a password a URL may carry. */
    String redactedTarget() {
        return dbmedic.core.report.Redactor.secretsOnly().redact(target);
    }

    /** One line on stderr and the exit code that goes with it. */
    int fail(int exitCode, String prefix, Exception e) {
        err().println("dbmedic: " + prefix + Cli.oneLine(e));
        return exitCode;
    }
}
