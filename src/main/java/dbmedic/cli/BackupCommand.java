package dbmedic.cli;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbmedic backup TARGET [--to DIR]}: online-backup copy, then verified. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up a database with SQLite's online backup API (includes the -wal), then verify the copy.")
final class BackupCommand extends TargetCommand {
    @Option(names = "--to", paramLabel = "DIR", description = "Folder for the backup (default: beside the database; for PostgreSQL the app-data backups folder).")
    Path to;

    @Option(names = "--db-container", paramLabel = "NAME",
            description = "With --ssh: run pg_dump inside this Docker container on the server (e.g. immich_postgres),"
                    + " so its version is the server's; the dump streams back and is verified here.")
    String dbContainer;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        BackupResult result;
        try {
            Target t = medic().resolve(target);
            if (t instanceof dbmedic.core.postgres.PostgresTarget pg) {
                return overSsh(remote -> new PostgresMigrationCli(medic(), out, err, options.json, progress())
                        .via(remote, dbContainer).backup(pg, to));
            }
            Integer refused = refuseSshForLocalFile();
            if (refused == null) {
                refused = refuseUnlessRepairable(t);
            }
            if (refused != null) {
                return refused;
            }
            medic().probe(t);
            result = medic().backup(t, to, progress());
        } catch (UnusableInputException e) {
            return fail(ExitCode.UNUSABLE, "", e);
        } catch (BackupFailedException e) {
            err.println("dbmedic: backup failed: " + Cli.oneLine(e));
            return ExitCode.PROBLEMS;
        } catch (CancelledException e) {
            return fail(ExitCode.PROBLEMS, "", e);
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
