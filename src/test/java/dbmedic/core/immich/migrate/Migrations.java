package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.backup.BackupOrigin;
import dbmedic.core.postgres.backup.TableChecksums;
import dbmedic.core.postgres.backup.TableSnapshot;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared steps of the migration tests: sessions, backup evidence from checksums, a catalog fingerprint. */
final class Migrations {
    static final ImmichKnowledge KNOWLEDGE = ImmichKnowledge.load();

    private Migrations() {
    }

    static PgSession session(PgServer pg, String user, String database, Path home) throws Exception {
        PostgresTarget target = PostgresTarget.parse(pg.postgresUrl(user, database));
        return PgSession.open(target, PostgresOptions.defaults().withEnvironment(Map.of(), home));
    }

    static ImmichMigration migration(PgSession session, Path journals) {
        return new ImmichMigration(session, KNOWLEDGE, journals);
    }

    /**
     * What a backup would record: the two tables' checksums and the origin (cluster, table oids,
     * snapshot), read in one snapshot as ImmichBackup does, marked verified.
     */
    static BackupEvidence evidence(PgServer pg, String database, Path folder) throws Exception {
        try (Connection c = pg.superuserConnection(database)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<TableSnapshot> list = new ArrayList<>();
            list.add(TableChecksums.of(c, "smart_search", "assetId", Progress.NONE));
            list.add(TableChecksums.of(c, "face_search", "faceId", Progress.NONE));
            BackupOrigin origin = BackupOrigin.read(c, List.of("smart_search", "face_search"));
            c.commit();
            return BackupEvidence.of(folder, true, list, origin);
        }
    }

    static List<TableSnapshot> snapshots(PgServer pg, String database) throws Exception {
        try (Connection c = pg.superuserConnection(database)) {
            List<TableSnapshot> list = new ArrayList<>();
            list.add(TableChecksums.of(c, "smart_search", "assetId", Progress.NONE));
            list.add(TableChecksums.of(c, "face_search", "faceId", Progress.NONE));
            return list;
        }
    }

    /** Extensions with versions, vector column types, indexes, schemas, and the content checksums: "nothing changed" when equal. */
    static String fingerprint(PgServer pg, String database) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append(pg.queryColumn(database, "SELECT extname || ' ' || extversion FROM pg_extension ORDER BY 1")).append('\n');
        b.append(pg.queryColumn(database, "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('smart_search', 'face_search')"
                + " AND a.attname = 'embedding' ORDER BY 1")).append('\n');
        b.append(pg.queryColumn(database, "SELECT indexdef FROM pg_indexes WHERE tablename IN ('smart_search', 'face_search')"
                + " ORDER BY 1")).append('\n');
        b.append(pg.queryColumn(database, "SELECT nspname FROM pg_namespace ORDER BY 1")).append('\n');
        for (TableSnapshot s : snapshots(pg, database)) {
            b.append(s.table()).append(' ').append(s.rows()).append(' ').append(s.sha256()).append('\n');
        }
        return b.toString();
    }

    static String columnType(PgServer pg, String database, String table) {
        return pg.queryValue(database, "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c"
                + " ON c.oid = a.attrelid WHERE c.relname = '" + table + "' AND a.attname = 'embedding'");
    }

    /** Applies every phase of the plan (no pause expected) and returns the verification. */
    static MigrationVerification applyAll(ImmichMigration m, MigrationPlan plan, BackupEvidence backup) throws Exception {
        for (MigrationPhase phase : plan.phases()) {
            PhaseResult r = m.apply(plan, phase, backup, Progress.NONE);
            assertEquals(phase.id(), r.phaseId());
        }
        MigrationVerification v = m.verify(plan, backup, Progress.NONE);
        assertTrue(v.passed(), () -> "verification: " + v);
        return v;
    }
}
