package dbmedic.cli;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dbmedic backup TARGET [--to DIR]}: online-backup copy, then verified. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up a database with SQLite's online backup API (includes the -wal), then verify the copy.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Cli parent;
    @Spec
    CommandSpec spec;
    @Mixin
    TargetOptions options;

    @Parameters(paramLabel = "TARGET", description = "SQLite file or folder.")
    String target;

    @Option(names = "--to", paramLabel = "DIR", description = "Folder for the backup (default: beside the database).")
    Path to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BackupResult result;
        try {
            Target t = parent.medic().resolve(target);
            parent.medic().probe(t);
            result = parent.medic().backup(t, to, new StderrProgress(err, options.json));
        } catch (UnusableInputException e) {
            err.println("dbmedic: " + Cli.oneLine(e));
            return ExitCode.UNUSABLE;
        } catch (BackupFailedException e) {
            err.println("dbmedic: backup failed: " + Cli.oneLine(e));
            return ExitCode.PROBLEMS;
        } catch (CancelledException e) {
            err.println("dbmedic: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        if (options.json) {
            JsonDocuments json = new JsonDocuments(null);
            var doc = json.newDocument();
            doc.set("backup", json.backup(result));
            out.println(json.write(doc));
        } else {
            new HumanOutput(out).backup(result);
        }
        out.flush();
        return result.verified() ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
