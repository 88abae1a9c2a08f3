package dbmedic.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.Medic;
import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.plan.RepairFailedException;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.verify.VerifyResult;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dbmedic repair TARGET}: the one mutation path — diagnose, verified backup,
 * preview, confirm, apply in one transaction, verify against the backup.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Repair what the diagnosis found: verified backup first, then the previewed statements in one transaction, then verify.")
final class RepairCommand extends TargetCommand {
    @Option(names = "--dry-run", description = "Show the statements and change nothing (no backup either).")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply without asking (the backup is still made and verified first).")
    boolean yes;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Folder for the backup (default: beside the database; for PostgreSQL the app-data backups folder).")
    Path backupDir;

    @Option(names = "--plan", paramLabel = "ID", description = "PostgreSQL (Immich): the migration plan to apply:"
            + " pgvectors-to-vchord, pgvectors-to-vchord-two-phase, pgvector-to-vchord or cleanup (default: the best offered).")
    String planId;

    @Option(names = "--build-indexes", description = "PostgreSQL (Immich): also build the VectorChord indexes as Immich"
            + " would (default: Immich builds them at its next start).")
    boolean buildIndexes;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "PostgreSQL: connect timeout and how long to wait"
            + " for a table lock before giving up (default 10).")
    Integer timeoutSeconds;

    @Option(names = "--journal-dir", paramLabel = "DIR", hidden = true,
            description = "PostgreSQL: folder of the migration journals (default: the app-data journals folder).")
    Path journalDir;

    @Option(names = "--db-container", paramLabel = "NAME",
            description = "With --ssh: run pg_dump inside this Docker container on the server (e.g. immich_postgres),"
                    + " so its version is the server's; the dump streams back and is verified here.")
    String dbContainer;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Medic medic = medic();
        StderrProgress progress = progress();
        JsonDocuments json = new JsonDocuments(null);
        ObjectNode doc = json.newDocument();
        HumanOutput human = new HumanOutput(out);

        Target t;
        Diagnosis diagnosis;
        RepairPlan plan;
        try {
            t = medic.resolve(target);
            if (t instanceof dbmedic.core.postgres.PostgresTarget pg) {
                return overSsh(remote -> new PostgresMigrationCli(medic, out, err, options.json, progress)
                        .via(remote, dbContainer).repair(pg, planId, dryRun, yes, backupDir, timeoutSeconds, buildIndexes, journalDir));
            }
            Integer refused = refuseSshForLocalFile();
            if (refused == null) {
                refused = refuseUnlessRepairable(t);
            }
            if (refused != null) {
                return refused;
            }
            diagnosis = medic.diagnose(t, new DiagnoseOptions(options.app, false), progress);
            plan = medic.plan(diagnosis);
        } catch (UnusableInputException e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
        }
        doc.setAll(json.diagnosis(diagnosis));
        doc.set("plan", json.plan(plan));
        if (!options.json) {
            human.header(diagnosis);
            human.findings(diagnosis.findings().stream().filter(f -> f.severity().ordinal() <= 1).toList());
        }

        if (plan.isEmpty() || dryRun) {
            doc.put("applied", false);
            if (options.json) {
                out.println(json.write(doc));
            } else {
                human.plan(plan);
                if (dryRun && !plan.isEmpty()) {
                    out.println("Dry run: nothing was changed and no backup was made.");
                }
            }
            out.flush();
            return diagnosis.hasProblems() ? ExitCode.PROBLEMS : ExitCode.OK;
        }

        if (!yes && (System.console() == null || options.json)) {
            // Nobody can answer a prompt: show what would run and stop before writing anything.
            doc.put("applied", false);
            if (options.json) {
                out.println(json.write(doc));
            } else {
                human.plan(plan);
            }
            out.flush();
            err.println("dbmedic: not applied (no terminal to confirm). Run again with --yes to back up and apply these statements.");
            return ExitCode.PROBLEMS;
        }

        BackupResult backup;
        try {
            backup = medic.backup(t, backupDir, progress);
        } catch (BackupFailedException | CancelledException e) {
            err.println("dbmedic: backup failed, nothing was changed: " + Cli.oneLine(e));
            return ExitCode.PROBLEMS;
        }
        doc.set("backup", json.backup(backup));
        if (!options.json) {
            human.backup(backup);
            out.println();
            human.plan(plan);
        }
        if (!backup.verified()) {
            err.println("dbmedic: the backup did not verify, so nothing was changed.");
            return ExitCode.PROBLEMS;
        }
        if (!yes && !confirmed(out, plan)) {
            err.println("dbmedic: not applied; nothing was changed. The backup stays at " + backup.file());
            return ExitCode.PROBLEMS;
        }

        try {
            medic.repair(t, plan, backup, progress);
        } catch (RepairFailedException | CancelledException e) {
            doc.put("applied", false);
            doc.put("error", Cli.oneLine(e));
            if (options.json) {
                out.println(json.write(doc));
            }
            err.println("dbmedic: the repair failed and was rolled back; the database is as it was: " + Cli.oneLine(e));
            err.println("The backup is at " + backup.file());
            return ExitCode.REPAIR_FAILED;
        }
        doc.put("applied", true);

        VerifyResult verify;
        try {
            verify = medic.verify(t, backup, plan, progress);
        } catch (CancelledException e) {
            err.println("dbmedic: verification cancelled; the repair was applied. Run: dbmedic verify "
                    + HumanOutput.quoteArg(target));
            return ExitCode.PROBLEMS;
        }
        doc.set("verify", json.verify(verify));
        if (options.json) {
            out.println(json.write(doc));
        } else {
            int n = plan.statements().size();
            out.println("Applied " + n + (n == 1 ? " statement." : " statements."));
            human.verify(verify);
            out.println("The backup of the database as it was before stays at " + backup.file());
        }
        out.flush();
        boolean remaining = verify.after() != null && verify.after().hasProblems();
        return verify.ok() && !remaining ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private boolean confirmed(PrintWriter out, RepairPlan plan) {
        Console console = System.console();
        out.flush();
        String answer = console.readLine("Apply these %d statements now? [y/N] ", plan.statements().size());
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
