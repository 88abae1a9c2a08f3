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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbmedic diagnose TARGET}: read-only; never writes to the target. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose a database without changing it: a SQLite file, an InvokeAI root folder, or a GPUStack data folder.")
final class DiagnoseCommand extends TargetCommand {
    @Option(names = "--full-check", description = "Run PRAGMA integrity_check (slower) instead of quick_check.")
    boolean fullCheck;

    @Option(names = "--scan", negatable = true,
            description = "Read every page (quick_check, foreign_key_check) whatever the size."
                    + " Default: only for databases up to 256 MiB, so a large file is diagnosed from its schema.")
    Boolean scan;

    @Option(names = "--client-address", paramLabel = "IP",
            description = "PostgreSQL: the address the app connects from, for the pg_hba check"
                    + " (default: Docker's bridge, e.g. 172.17.0.1 live, 172.18.0.3 for a compose folder).")
    String clientAddress;

    @Option(names = "--report", paramLabel = "PATH",
            description = "Also save a redacted report for a support thread: PATH.md and PATH.json (PATH may be a folder).")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Diagnosis diagnosis;
        SshTargets remote = null;
        try {
            DiagnoseOptions o = new DiagnoseOptions(options.app, fullCheck, clientAddress, ConsolePasswordPrompt.orNone(), scan);
            Target t;
            if (ssh.enabled()) {
                remote = SshTargets.open(ssh, target, medic(), err);
                t = remote.target();
                o = remote.apply(o);
            } else {
                t = medic().resolve(target);
            }
            diagnosis = medic().diagnose(t, o, progress());
        } catch (UnusableInputException e) {
            String lost = remote == null ? null : remote.lostConnectionNote(e);
            return fail(ExitCode.UNUSABLE, lost == null ? "" : lost + ": ", e);
        } catch (dbmedic.core.ssh.SshFailure e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
        } finally {
            if (remote != null) {
                remote.close();
            }
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
