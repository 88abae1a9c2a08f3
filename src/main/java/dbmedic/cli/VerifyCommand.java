package dbmedic.cli;

import dbmedic.core.Medic;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.verify.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbmedic verify TARGET}: re-diagnose and compare with the newest DB Medic backup. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a database after a repair: diagnose it again and compare row counts with its DB Medic backup.")
final class VerifyCommand extends TargetCommand {
    @Option(names = "--backup", paramLabel = "FILE_OR_DIR",
            description = "The backup to compare with, or a folder of backups (default: the newest beside the database;"
                    + " for PostgreSQL the newest of this database in the app-data backups folder).")
    Path backup;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Medic medic = medic();
        StderrProgress progress = progress();
        JsonDocuments json = new JsonDocuments(null);
        try {
            Target t = medic.resolve(target);
            if (t instanceof dbmedic.core.postgres.PostgresTarget pg) {
                return overSsh(remote -> new PostgresMigrationCli(medic, out, err, options.json, progress).via(remote, null).verify(pg, backup));
            }
            Integer refused = refuseSshForLocalFile();
            if (refused == null) {
                refused = refuseUnlessRepairable(t);
            }
            if (refused != null) {
                return refused;
            }
            medic.probe(t);
            Optional<BackupResult> found = medic.findBackup(t, backup);
            if (found.isEmpty()) {
                if (backup != null) {
                    err.println("dbmedic: no DB Medic backup found at " + backup);
                    return ExitCode.UNUSABLE;
                }
                // Without a backup, verifying is diagnosing: say so rather than pretend.
                err.println("No DB Medic backup found beside the database: checking the database alone.");
                Diagnosis d = medic.diagnose(t, new DiagnoseOptions(options.app, true), progress);
                if (options.json) {
                    out.println(json.write(json.diagnosis(d)));
                } else {
                    HumanOutput human = new HumanOutput(out);
                    human.header(d);
                    human.findings(d.findings());
                    human.summary(d, target);
                }
                out.flush();
                return d.hasProblems() ? ExitCode.PROBLEMS : ExitCode.OK;
            }
            VerifyResult result = medic.verify(t, found.get(), null, progress);
            if (options.json) {
                var doc = json.newDocument();
                doc.set("target", json.target(t));
                doc.set("backup", json.backup(found.get()));
                doc.set("verify", json.verify(result));
                out.println(json.write(doc));
            } else {
                out.println("Compared with backup " + found.get().file());
                new HumanOutput(out).verify(result);
            }
            out.flush();
            return result.ok() ? ExitCode.OK : ExitCode.PROBLEMS;
        } catch (UnusableInputException e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
        }
    }
}
