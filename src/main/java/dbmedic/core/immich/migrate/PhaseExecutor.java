package dbmedic.core.immich.migrate;

import dbmedic.core.postgres.backup.TableChecksums;
import dbmedic.core.postgres.backup.TableSnapshot;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one phase on a change connection. A transactional phase runs in ONE transaction
 * (PostgreSQL DDL is transactional, postgres.md §6): before the first statement on a vector
 * table, the table is locked against writers and its content checksum must equal the backup's,
 * so the backup really holds what is about to change. Any failure or Cancel rolls back.
 */
final class PhaseExecutor {
    private final MigrationPacks packs;

    PhaseExecutor(MigrationPacks packs) {
        this.packs = packs;
    }

    /** @return the statements run */
    List<String> run(Connection c, MigrationPhase phase, BackupEvidence backup, Progress progress)
            throws SQLException, CancelledException, MigrationRefusedException {
        List<String> ran = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        int total = phase.statements().size();
        try (CancelWatcher watcher = new CancelWatcher(progress); Statement st = c.createStatement()) {
            watcher.running(st);
            for (int i = 0; i < total; i++) {
                String sql = phase.statements().get(i);
                Optional<String> table = tableOf(sql, phase);
                if (table.isPresent() && checked.add(table.get()) && phase.transactional()) {
                    progress.update(i, total, "Checking " + table.get() + " against the backup");
                    st.execute("LOCK TABLE " + Sql.identifier(table.get()) + " IN SHARE MODE");
                    TableSnapshot then = backup.table(table.get()).orElse(null);
                    // The cheap proof first (same cluster, table and row count, no row written
                    // since the backup's snapshot); when it proves nothing, every row is hashed.
                    if (then != null && backup.origin().isPresent() && backup.origin().get().provesUnchanged(c, then)) {
                        progress.update(i, total, table.get() + ": unchanged since the backup (same rows, none written after it)");
                    } else {
                        progress.update(i, total, "Checking " + table.get() + " against the backup: every row");
                        TableSnapshot now = TableChecksums.of(c, table.get(), packs.keyOf(table.get()), progress);
                        if (then == null || !then.sameContent(now)) {
                            throw new MigrationRefusedException(List.of(changedSinceBackup(table.get(), then, now, backup)));
                        }
                    }
                }
                progress.checkCancelled();
                progress.update(i, total, table.map(t -> t + ": ").orElse("") + firstLine(sql));
                st.execute(sql);
                if (watcher.fired()) {
                    throw new CancelledException();
                }
                ran.add(sql);
            }
            progress.update(total, total, "Phase " + phase.id() + " done");
            return ran;
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) && progress.isCancelled()) {
                throw new CancelledException();
            }
            throw e;
        }
    }

    private Optional<String> tableOf(String sql, MigrationPhase phase) {
        for (String t : phase.tables()) {
            if (sql.contains(" " + t + " ") || sql.endsWith(" " + t) || sql.contains(" " + packs.indexOf(t) + " ")
                    || sql.endsWith(" " + packs.indexOf(t))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Refusal changedSinceBackup(String table, TableSnapshot then, TableSnapshot now, BackupEvidence backup) {
        String detail = then == null ? "the backup has no copy of " + table
                : table + ": backup " + then.rows() + " rows, sha256 " + then.sha256().substring(0, 12) + "…; now "
                        + now.rows() + " rows, sha256 " + now.sha256().substring(0, 12) + "…";
        return new Refusal("changed-since-backup", "The backup at " + backup.folder() + " does not hold what " + table
                + " holds now (the database changed since the backup, or it is another database's backup).",
                "Make a new backup (Immich stopped) and apply again.", List.of(detail));
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl) + " …";
    }
}
