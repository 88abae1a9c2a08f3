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
    @Mixin
    SshCliOptions ssh;

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

    /**
     * The PostgreSQL commands over {@code --ssh}: the tunnel (closed by the caller) or null
     * without --ssh. Prints one line and returns null with {@code failed[0]} set when SSH fails.
     */
    SshTargets openRemote(int[] failed) {
        if (!ssh.enabled()) {
            return null;
        }
        try {
            return SshTargets.open(ssh, target, medic(), err());
        } catch (dbmedic.core.ssh.SshFailure e) {
            failed[0] = fail(ExitCode.UNUSABLE, "", e);
        } catch (dbmedic.core.target.UnusableInputException e) {
            failed[0] = fail(ExitCode.UNUSABLE, "", e);
        }
        return null;
    }

    /** What runs with the tunnel open ({@code remote} null without --ssh). */
    interface OverSsh {
        int run(SshTargets remote) throws dbmedic.core.target.UnusableInputException;
    }

    /** Runs {@code body} with the --ssh tunnel open, then closes it; an SSH failure is one line, exit 2. */
    int overSsh(OverSsh body) throws dbmedic.core.target.UnusableInputException {
        int[] failed = {0};
        SshTargets remote = openRemote(failed);
        if (ssh.enabled() && remote == null) {
            return failed[0];
        }
        try (remote) {
            return body.run(remote);
        }
    }

    /** --ssh with a SQLite file: refused in one line (the file must be copied here first). */
    Integer refuseSshForLocalFile() {
        if (!ssh.enabled()) {
            return null;
        }
        err().println("dbmedic: --ssh reaches a postgresql:// URL (as the server sees it); a SQLite file or folder"
                + " must be copied to this computer first (stop the app, copy the database with its -wal file).");
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
