package dbmedic.core.immich.migrate;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.VersionRange;
import dbmedic.core.postgres.backup.TableChecksums;
import dbmedic.core.postgres.backup.TableSnapshot;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The database after a plan against what the plan promised and what the backup holds. */
final class Verifier {
    private final MigrationPacks packs;
    private final ImmichKnowledge immich;

    Verifier(MigrationPacks packs, ImmichKnowledge immich) {
        this.packs = packs;
        this.immich = immich;
    }

    MigrationVerification verify(Connection c, MigrationState s, MigrationPlan plan, BackupEvidence backup,
                                 Progress progress) throws SQLException, CancelledException {
        List<VerificationCheck> checks = new ArrayList<>();
        boolean converts = !plan.id().equals(MigrationPlan.CLEANUP);
        if (converts) {
            for (VectorTable t : s.tables()) {
                Integer dim = plan.dimensions().get(t.table());
                boolean ok = t.pgvectorType() && dim != null && t.dimension() == dim;
                checks.add(new VerificationCheck("column-type:" + t.table(), ok, "vector(" + dim + ")", t.columnType()));
            }
            ExtensionInfo vchord = s.extension("vchord").orElseThrow();
            checks.add(new VerificationCheck("vchord-installed", vchord.installed(), "vchord installed in " + s.database(),
                    vchord.installedVersion().map(v -> "vchord " + v).orElse("not installed")));
            Optional<VersionRange> range = s.immichVersion().flatMap(immich::release).flatMap(ImmichRelease::vectorchord);
            if (range.isPresent() && vchord.installed()) {
                String v = vchord.installedVersion().get();
                checks.add(new VerificationCheck("vchord-range", range.get().contains(v), "VectorChord in "
                        + range.get().text() + " (Immich " + s.immichVersion().get() + ")", v));
            }
        } else {
            boolean gone = !s.extension("vectors").map(ExtensionInfo::installed).orElse(false);
            checks.add(new VerificationCheck("vectors-dropped", gone, "no pgvecto.rs extension in " + s.database(),
                    gone ? "not installed" : "vectors " + s.extension("vectors").flatMap(ExtensionInfo::installedVersion).orElse("")));
            checks.add(new VerificationCheck("vectors-schema-dropped", !s.vectorsSchema(), "no schema vectors",
                    s.vectorsSchema() ? "schema vectors exists" : "gone"));
            for (VectorTable t : s.tables()) {
                checks.add(new VerificationCheck("column-type:" + t.table(), t.pgvectorType(), "vector(...)", t.columnType()));
            }
        }
        List<TableComparison> tables = new ArrayList<>();
        for (String table : packs.tableNames()) {
            Optional<TableSnapshot> then = backup.table(table);
            if (then.isEmpty() || s.table(table).isEmpty()) {
                continue;
            }
            progress.message("Comparing " + table + " with the backup");
            TableSnapshot now = TableChecksums.of(c, table, packs.keyOf(table), progress);
            tables.add(new TableComparison(table, then.get(), now));
        }
        return new MigrationVerification(plan.id(), checks, tables);
    }
}
