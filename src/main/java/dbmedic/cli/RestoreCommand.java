package dbmedic.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.BackupCheck;
import dbmedic.core.postgres.backup.ImmichBackup;
import dbmedic.core.postgres.backup.PgBackupJson;
import dbmedic.core.postgres.backup.PgBackupResult;
import dbmedic.core.postgres.backup.RestoreFailedException;
import dbmedic.core.postgres.backup.RestoreResult;
import dbmedic.core.postgres.backup.RestoredTable;
import dbmedic.core.postgres.backup.VectorTableRestore;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dbmedic restore postgresql://… --backup DIR}: brings Immich's vector tables back from
 * a DB Medic backup folder, in one transaction that commits only when the row counts and
 * checksums equal the backup's. Shows what it will do first; asks on a terminal; and, like every
 * change, first makes a verified backup of the database as it is now (a restore can be undone).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore Immich's vector tables (smart_search, face_search) from a DB Medic backup folder,"
                + " in one transaction that is committed only if the row counts and checksums equal the backup's.")
final class RestoreCommand extends TargetCommand {
    @Option(names = "--backup", paramLabel = "DIR", required = true,
            description = "The backup folder DB Medic wrote (immich-<database>-<date>).")
    Path backupDir;

    @Option(names = "--yes", description = "Restore without asking.")
    boolean yes;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where the backup of the database as it is now goes, before the restore (default: the app-data backups folder).")
    Path beforeDir;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        StderrProgress progress = progress();
        JsonDocuments json = new JsonDocuments(null);
        ObjectNode doc = json.newDocument();

        if (!target.startsWith("postgresql://") && !target.startsWith("postgres://")) {
            err.println("dbmedic: restore works on a live PostgreSQL database: give its postgresql:// URL (Immich's DB_URL).");
            return ExitCode.UNUSABLE;
        }
        PostgresTarget pg;
        BackupCheck check;
        try {
            pg = PostgresTarget.parse(target);
            check = new ImmichBackup().check(backupDir, progress);
        } catch (UnusableInputException e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
        }
        PgBackupResult backup = check.result();
        doc.set("backup", PgBackupJson.backup(backup));
        if (!check.ok()) {
            err.println("dbmedic: the backup cannot be used: " + String.join(" ", check.problems()));
            return ExitCode.UNUSABLE;
        }

        PostgresOptions opts = PostgresOptions.defaults().withPasswordPrompt(ConsolePasswordPrompt.orNone());
        int[] sshFailed = {0};
        SshTargets remote = openRemote(sshFailed);
        if (ssh.enabled() && remote == null) {
            return sshFailed[0];
        }
        try (remote; PgSession session = PgSession.open(pg, remote == null ? opts : remote.apply(opts))) {
            List<String> steps = new VectorTableRestore().preview(session, backup);
            doc.putArray("plan").addAll(steps.stream().map(doc::textNode).toList());
            if (!options.json) {
                out.println("Restore into " + pg.displayName() + " from " + backup.folder());
                out.println("  (backup of " + backup.createdAt() + ", PostgreSQL " + backup.serverVersion()
                        + (backup.immichVersion().isEmpty() ? "" : ", Immich " + backup.immichVersion()) + "):");
                steps.forEach(s -> out.println("  - " + s));
                out.flush();
            }
            if (!yes && (System.console() == null || options.json)) {
                doc.put("restored", false);
                if (options.json) {
                    out.println(json.write(doc));
                    out.flush();
                }
                err.println("dbmedic: not restored (no terminal to confirm). Run again with --yes to restore these tables.");
                return ExitCode.PROBLEMS;
            }
            if (!yes && !confirmed(out)) {
                err.println("dbmedic: not restored; nothing was changed.");
                return ExitCode.PROBLEMS;
            }
            // The one mutation path: what the restore replaces is backed up and verified first.
            PgBackupResult now;
            try {
                now = medic().backup(session, beforeDir, progress);
            } catch (dbmedic.core.backup.BackupFailedException e) {
                err.println("dbmedic: the backup of the database as it is now failed, so nothing was restored: " + Cli.oneLine(e));
                return ExitCode.PROBLEMS;
            }
            doc.set("backupBefore", PgBackupJson.backup(now));
            if (!now.verified()) {
                err.println("dbmedic: the backup of the database as it is now did not verify, so nothing was restored.");
                return ExitCode.PROBLEMS;
            }
            if (!options.json) {
                out.println("The database as it is now is backed up first (verified): " + now.folder());
                out.flush();
            }
            RestoreResult result = new VectorTableRestore().restore(session, backup, progress);
            doc.put("restored", result.committed());
            doc.set("restore", PgBackupJson.restore(result));
            if (options.json) {
                out.println(json.write(doc));
            } else {
                for (RestoredTable t : result.tables()) {
                    out.println(t.table() + ": " + t.before().rows() + " rows before, " + t.after().rows() + " after (backup: "
                            + t.expected().rows() + "), checksum " + (t.matches() ? "equal to" : "DIFFERENT from")
                            + " the backup's; column " + t.typeAfter());
                }
                result.notes().forEach(n -> out.println("Note: " + n));
                out.println(result.message());
            }
            out.flush();
            if (!result.committed()) {
                err.println("dbmedic: " + result.message());
                return ExitCode.REPAIR_FAILED;
            }
            return ExitCode.OK;
        } catch (UnusableInputException e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (RestoreFailedException e) {
            doc.put("restored", false);
            doc.put("error", Cli.oneLine(e));
            if (options.json) {
                out.println(json.write(doc));
                out.flush();
            }
            return fail(ExitCode.REPAIR_FAILED, "", e);
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
        }
    }

    private boolean confirmed(PrintWriter out) {
        Console console = System.console();
        out.flush();
        String answer = console.readLine("Restore these tables now? [y/N] ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
