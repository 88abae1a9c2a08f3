package dbmedic.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dbmedic.core.Medic;
import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.immich.migrate.BackupEvidence;
import dbmedic.core.immich.migrate.ImageSwap;
import dbmedic.core.immich.migrate.ImmichMigration;
import dbmedic.core.immich.migrate.MigrationFailedException;
import dbmedic.core.immich.migrate.MigrationJournal;
import dbmedic.core.immich.migrate.MigrationJson;
import dbmedic.core.immich.migrate.MigrationPhase;
import dbmedic.core.immich.migrate.MigrationPlan;
import dbmedic.core.immich.migrate.MigrationRefusedException;
import dbmedic.core.immich.migrate.MigrationState;
import dbmedic.core.immich.migrate.MigrationVerification;
import dbmedic.core.immich.migrate.PhaseResult;
import dbmedic.core.immich.migrate.Refusal;
import dbmedic.core.immich.migrate.SetupInstruction;
import dbmedic.core.immich.migrate.TableComparison;
import dbmedic.core.immich.migrate.VerificationCheck;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.BackupCheck;
import dbmedic.core.postgres.backup.DumpSource;
import dbmedic.core.postgres.backup.PgBackupJson;
import dbmedic.core.postgres.backup.PgBackupResult;
import dbmedic.core.report.JsonDocuments;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * backup / repair / verify for a live PostgreSQL (Immich) target: the verified backup, the
 * migration plan phase by phase with its journal, and the lossless check against the backup.
 */
final class PostgresMigrationCli {
    private final Medic medic;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean jsonMode;
    private final Progress progress;
    private final JsonDocuments json = new JsonDocuments(null);
    private final MigrationJson mjson = new MigrationJson(JsonDocuments.mapper());
    private SshTargets remote;
    private DumpSource dumpSource;

    PostgresMigrationCli(Medic medic, PrintWriter out, PrintWriter err, boolean jsonMode, Progress progress) {
        this.medic = medic;
        this.out = out;
        this.err = err;
        this.jsonMode = jsonMode;
        this.progress = progress;
    }

    /**
     * Every connection through {@code remote}'s tunnel (null: directly); the whole-database dump
     * from pg_dump in {@code dbContainer} on the server when one is named.
     */
    PostgresMigrationCli via(SshTargets remote, String dbContainer) throws UnusableInputException {
        this.remote = remote;
        if (dbContainer != null) {
            if (remote == null) {
                throw new UnusableInputException("--db-container runs pg_dump in a container on the server: give --ssh too");
            }
            this.dumpSource = remote.dumpInContainer(dbContainer);
        }
        return this;
    }

    static PostgresOptions options(Integer timeoutSeconds) {
        PostgresOptions o = PostgresOptions.defaults().withPasswordPrompt(ConsolePasswordPrompt.orNone());
        return timeoutSeconds == null ? o : o.withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    }

    private PostgresOptions connectOptions(Integer timeoutSeconds) {
        PostgresOptions o = options(timeoutSeconds);
        return remote == null ? o : remote.apply(o);
    }

    /** One line on stderr; says so when the SSH connection died under the command. */
    private void error(String line, Throwable failure) {
        String lost = remote == null ? null : remote.lostConnectionNote(failure);
        err.println("dbmedic: " + (lost == null ? "" : lost + ": ") + line);
    }

    int backup(PostgresTarget target, Path to) {
        try (PgSession session = medic.openSession(target, connectOptions(null))) {
            PgBackupResult r = medic.backup(session, to, dumpSource, progress);
            ObjectNode doc = json.newDocument();
            doc.set("backup", PgBackupJson.backup(r));
            if (jsonMode) {
                out.println(json.write(doc));
            } else {
                printBackup(r);
            }
            out.flush();
            return r.verified() ? ExitCode.OK : ExitCode.PROBLEMS;
        } catch (UnusableInputException e) {
            error(Cli.oneLine(e), e);
            return ExitCode.UNUSABLE;
        } catch (BackupFailedException | CancelledException e) {
            error("backup failed: " + Cli.oneLine(e), e);
            return ExitCode.PROBLEMS;
        }
    }

    int repair(PostgresTarget target, String planId, boolean dryRun, boolean yes, Path backupDir, Integer timeout,
               boolean buildIndexes, Path journalDir) {
        ObjectNode doc = json.newDocument();
        try (PgSession session = medic.openSession(target, connectOptions(timeout))) {
            ImmichMigration m = (journalDir == null ? medic.immichMigration(session)
                    : medic.immichMigration(session, journalDir)).buildIndexes(buildIndexes);
            MigrationState state = m.readState(progress);
            doc.set("state", mjson.state(state));
            Optional<MigrationPlan> chosen;
            if (planId != null) {
                chosen = m.plan(state, planId);
                if (chosen.isEmpty()) {
                    err.println("dbmedic: unknown plan " + planId + "; plans: " + String.join(", ", List.of(
                            MigrationPlan.PGVECTORS_TO_VCHORD, MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE,
                            MigrationPlan.PGVECTOR_TO_VCHORD, MigrationPlan.CLEANUP)));
                    return ExitCode.UNUSABLE;
                }
            } else {
                chosen = m.plans(state).stream().findFirst();
            }
            if (chosen.isEmpty()) {
                doc.put("applied", false);
                return finish(doc, "Nothing to migrate: " + describeColumns(state) + "."
                        + (state.preload().dropsAtRestart("vectors") ? " Restart PostgreSQL to finish: it loads vectors.so"
                        + " until then, though its configuration no longer names it." : ""), ExitCode.OK);
            }
            MigrationPlan plan = chosen.get();
            doc.set("plan", mjson.plan(plan));
            Optional<MigrationJournal> journal = m.journal();
            if (!jsonMode) {
                printPlan(plan, m.nextPhase(state, plan), journal);
            }
            List<Refusal> refusals = m.guards(state, plan);
            if (!refusals.isEmpty()) {
                doc.set("refusals", mjson.refusals(refusals));
                doc.put("applied", false);
                printRefusals(refusals);
                return finish(doc, null, refusals.stream().allMatch(r -> r.code().equals("nothing-to-do"))
                        ? ExitCode.OK : ExitCode.PROBLEMS);
            }
            if (dryRun) {
                doc.put("applied", false);
                return finish(doc, "Dry run: nothing was changed and no backup was made.", ExitCode.PROBLEMS);
            }
            if (!yes && (System.console() == null || jsonMode)) {
                doc.put("applied", false);
                finish(doc, null, ExitCode.PROBLEMS);
                err.println("dbmedic: not applied (no terminal to confirm). Run again with --yes to back up and apply these statements.");
                return ExitCode.PROBLEMS;
            }
            BackupEvidence backup = backupFor(session, journal, backupDir, doc);
            if (backup == null) {
                return ExitCode.PROBLEMS;
            }
            if (!yes && !confirmed(plan)) {
                err.println("dbmedic: not applied; nothing was changed. The backup stays at " + backup.folder());
                return ExitCode.PROBLEMS;
            }
            var results = doc.putArray("phases");
            while (true) {
                MigrationState now = m.readState(progress);
                Optional<MigrationPhase> next = m.nextPhase(now, plan);
                if (next.isEmpty()) {
                    break;
                }
                PhaseResult r = m.apply(plan, next.get(), backup, progress);
                results.add(mjson.phaseResult(r));
                if (!jsonMode) {
                    out.println("Applied " + r.phaseId() + " (" + r.statements().size() + " statements, "
                            + r.elapsed().toMillis() / 1000.0 + " s).");
                }
                if (r.pauseAfter().isPresent()) {
                    doc.put("applied", true);
                    doc.put("paused", true);
                    doc.set("imageSwap", mjson.imageSwap(r.pauseAfter().get()));
                    if (!jsonMode) {
                        printSwap(r.pauseAfter().get());
                        out.println();
                        out.println("Then run the same command again: DB Medic resumes from its journal ("
                                + m.journalFile() + ") with " + r.nextPhase().orElse("the next phase") + ".");
                    }
                    return finish(doc, null, ExitCode.PROBLEMS);
                }
            }
            doc.put("applied", true);
            MigrationVerification v = m.verify(plan, backup, progress);
            doc.set("verify", mjson.verification(v));
            if (!jsonMode) {
                printVerification(v);
                plan.afterwards().forEach(a -> out.println("- " + a));
                out.println("The backup of the database as it was before stays at " + backup.folder());
            }
            return finish(doc, null, v.passed() ? ExitCode.OK : ExitCode.PROBLEMS);
        } catch (UnusableInputException e) {
            error(Cli.oneLine(e), e);
            return ExitCode.UNUSABLE;
        } catch (MigrationRefusedException e) {
            printRefusals(e.refusals());
            doc.set("refusals", mjson.refusals(e.refusals()));
            doc.put("applied", false);
            return finish(doc, null, ExitCode.PROBLEMS);
        } catch (MigrationFailedException e) {
            error(Cli.oneLine(e), e);
            doc.put("applied", false);
            doc.put("error", Cli.oneLine(e));
            return finish(doc, null, ExitCode.REPAIR_FAILED);
        } catch (CancelledException e) {
            err.println("dbmedic: cancelled; the phase under way was rolled back.");
            return ExitCode.REPAIR_FAILED;
        }
    }

    /** A pending journal keeps its backup (taken before phase 1); otherwise a new verified backup. */
    private BackupEvidence backupFor(PgSession session, Optional<MigrationJournal> journal, Path backupDir, ObjectNode doc)
            throws UnusableInputException, CancelledException {
        if (journal.isPresent() && journal.get().backupFolder() != null) {
            BackupCheck check = medic.checkPostgresBackup(Path.of(journal.get().backupFolder()), progress);
            if (!check.ok()) {
                err.println("dbmedic: the backup this migration started with (" + journal.get().backupFolder()
                        + ") no longer verifies: " + String.join(" ", check.problems()) + " Nothing was changed.");
                return null;
            }
            doc.set("backup", PgBackupJson.backup(check.result()));
            if (!jsonMode) {
                out.println("Using the backup taken before the first phase: " + check.result().folder());
            }
            return BackupEvidence.of(check.result());
        }
        try {
            PgBackupResult r = medic.backup(session, backupDir, dumpSource, progress);
            doc.set("backup", PgBackupJson.backup(r));
            if (!jsonMode) {
                printBackup(r);
            }
            if (!r.verified()) {
                err.println("dbmedic: the backup did not verify, so nothing was changed.");
                return null;
            }
            return BackupEvidence.of(r);
        } catch (BackupFailedException e) {
            error("backup failed, nothing was changed: " + Cli.oneLine(e), e);
            return null;
        }
    }

    int verify(PostgresTarget target, Path backupFolder) {
        if (backupFolder == null) {
            Path dir = Medic.defaultPostgresBackupDir();
            Optional<Path> newest = dbmedic.core.postgres.backup.ImmichBackup.newestOf(dir, target);
            if (newest.isEmpty()) {
                err.println("dbmedic: no DB Medic backup of " + target.displayName() + " in " + dir
                        + "; name the backup to compare with: --backup DIR");
                return ExitCode.UNUSABLE;
            }
            backupFolder = newest.get();
            err.println("Comparing with the newest backup of this database: " + backupFolder);
        }
        try (PgSession session = medic.openSession(target, connectOptions(null))) {
            BackupCheck check = medic.checkPostgresBackup(backupFolder, progress);
            if (!check.ok()) {
                err.println("dbmedic: the backup at " + backupFolder + " does not verify: " + String.join(" ", check.problems()));
                return ExitCode.PROBLEMS;
            }
            MigrationVerification v = medic.immichMigration(session)
                    .verifyAgainstBackup(BackupEvidence.of(check.result()), progress);
            ObjectNode doc = json.newDocument();
            doc.set("verify", mjson.verification(v));
            if (!jsonMode) {
                printVerification(v);
            }
            return finish(doc, null, v.passed() ? ExitCode.OK : ExitCode.PROBLEMS);
        } catch (UnusableInputException e) {
            error(Cli.oneLine(e), e);
            return ExitCode.UNUSABLE;
        } catch (CancelledException e) {
            err.println("dbmedic: cancelled.");
            return ExitCode.PROBLEMS;
        }
    }

    private int finish(ObjectNode doc, String humanLine, int code) {
        if (jsonMode) {
            out.println(json.write(doc));
        } else if (humanLine != null) {
            out.println(humanLine);
        }
        out.flush();
        return code;
    }

    private boolean confirmed(MigrationPlan plan) {
        Console console = System.console();
        out.flush();
        String answer = console.readLine("Apply plan %s now? [y/N] ", plan.id());
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private static String describeColumns(MigrationState s) {
        if (s.tables().isEmpty()) {
            return "no smart_search/face_search table in " + s.database();
        }
        return String.join(", ", s.tables().stream().map(t -> t.table() + ".embedding is " + t.columnType()).toList())
                + (s.extension("vectors").map(e -> e.installed()).orElse(false) ? "" : ", pgvecto.rs is not installed");
    }

    private void printPlan(MigrationPlan plan, Optional<MigrationPhase> next, Optional<MigrationJournal> journal) {
        out.println("Plan " + plan.id() + ": " + plan.title());
        out.println(plan.explanation());
        journal.filter(j -> j.planId().equals(plan.id())).ifPresent(j -> out.println("Resuming from the journal: phases done "
                + (j.phasesDone().isEmpty() ? "none" : String.join(", ", j.phasesDone())) + "."));
        int n = 1;
        for (MigrationPhase p : plan.phases()) {
            String mark = next.map(x -> x.id().equals(p.id())).orElse(false) ? " (next)" : "";
            out.println();
            out.println("Phase " + p.id() + mark + ": " + p.title() + (p.transactional() ? " — one transaction" : ""));
            for (String s : p.statements()) {
                out.println("  " + n++ + ". " + s.replace("\n", "\n     ") + ";");
            }
            if (p.pauseAfter().isPresent()) {
                out.println("  Then: swap the database image (instructions after this phase).");
            }
        }
        out.println();
        out.flush();
    }

    private void printSwap(ImageSwap swap) {
        out.println();
        out.println(swap.summary());
        for (SetupInstruction i : swap.instructions()) {
            out.println();
            out.println(i.title() + ":");
            int n = 1;
            for (String step : i.steps()) {
                out.println("  " + n++ + ". " + step);
            }
        }
    }

    private void printRefusals(List<Refusal> refusals) {
        for (Refusal r : refusals) {
            err.println("dbmedic: refused, nothing was changed. " + r.paragraph());
        }
        err.flush();
    }

    private void printVerification(MigrationVerification v) {
        for (VerificationCheck c : v.checks()) {
            out.println((c.passed() ? "ok   " : "FAIL ") + c.id() + ": expected " + c.expected() + ", found " + c.actual());
        }
        for (TableComparison t : v.tables()) {
            out.println((t.same() ? "ok   " : "FAIL ") + t.table() + ": " + t.backup().rows() + " rows in the backup, "
                    + t.now().rows() + " now; sha256 " + t.backup().sha256().substring(0, 16) + "… "
                    + (t.same() ? "=" : "≠") + " " + t.now().sha256().substring(0, 16) + "…");
        }
        out.println(v.lossless() ? "Lossless: every row and every value is as in the backup."
                : "NOT lossless: the content differs from the backup.");
    }

    private void printBackup(PgBackupResult r) {
        out.println("Backup " + (r.verified() ? "(verified)" : "(NOT verified)") + ": " + r.folder());
        r.tables().forEach(t -> out.println("  " + t.table() + ": " + t.rows() + " rows, " + t.columnType()
                + ", sha256 " + t.sha256().substring(0, 16) + "…"));
        out.println("  " + (r.dumpFile().isPresent() ? "pg_dump: " + r.dumpFile().get().getFileName() : "no pg_dump")
                + (r.dumpNote().isBlank() ? "" : " (" + r.dumpNote() + ")"));
    }
}
