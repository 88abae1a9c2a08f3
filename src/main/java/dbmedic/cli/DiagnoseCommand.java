package dbmedic.cli;

import dbmedic.core.Version;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.report.Redactor;
import dbmedic.core.report.ReportWriter;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dbmedic diagnose TARGET}: read-only; never writes to the target. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose a database without changing it: a SQLite file, an InvokeAI root folder, or a GPUStack data folder.")
final class DiagnoseCommand implements Callable<Integer> {
    @ParentCommand
    Cli parent;
    @Spec
    CommandSpec spec;
    @Mixin
    TargetOptions options;

    @Parameters(paramLabel = "TARGET", description = "SQLite file or folder.")
    String target;

    @Option(names = "--full-check", description = "Run PRAGMA integrity_check (slower) instead of quick_check.")
    boolean fullCheck;

    @Option(names = "--report", paramLabel = "PATH",
            description = "Also save a redacted report for a support thread: PATH.md and PATH.json (PATH may be a folder).")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnosis diagnosis;
        try {
            Target t = parent.medic().resolve(target);
            diagnosis = parent.medic().diagnose(t, new DiagnoseOptions(options.app, fullCheck),
                    new StderrProgress(err, options.json));
        } catch (UnusableInputException e) {
            err.println("dbmedic: " + Cli.oneLine(e));
            return ExitCode.UNUSABLE;
        } catch (CancelledException e) {
            err.println("dbmedic: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        if (options.json) {
            JsonDocuments json = new JsonDocuments(null);
            out.println(json.write(json.diagnosis(diagnosis)));
        } else {
            HumanOutput human = new HumanOutput(out);
            human.header(diagnosis);
            human.findings(diagnosis.findings());
            human.summary(diagnosis, target);
        }
        if (report != null) {
            try {
                List<Path> files = new ReportWriter(new Redactor(), Version.current()).write(diagnosis, report);
                err.println("Report saved (redacted): " + files.get(0) + " and " + files.get(1));
            } catch (IOException e) {
                err.println("dbmedic: could not save the report: " + Cli.oneLine(e));
                return ExitCode.UNUSABLE;
            }
        }
        out.flush();
        return diagnosis.hasProblems() ? ExitCode.PROBLEMS : ExitCode.OK;
    }
}
