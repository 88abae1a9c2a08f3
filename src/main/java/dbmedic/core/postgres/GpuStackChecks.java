package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GPUStack 2.x on PostgreSQL (gpustack.md §2, §5): the Alembic revision, and the known drift
 * {@code model_usage_details.completed} missing at or after revision {@code 8bf38a6bb3b5}
 * (databases that ran v2.2.0rc3, gpustack#5782).
 */
final class GpuStackChecks {
    /** Revisions at or after 8bf38a6bb3b5 on the v2.x chain (gpustack.md §3). */
    static final Set<String> HAS_COMPLETED = Set.of("8bf38a6bb3b5", "7c5e3f9a2d18", "61929acb0676", "b2c3d4e5f6a7",
            "c4d7e8f9a0b1", "367a3982fcde");
    static final String ADD_COMPLETED =
            "ALTER TABLE public.model_usage_details ADD COLUMN IF NOT EXISTS completed boolean NOT NULL DEFAULT false;";

    private GpuStackChecks() {
    }

    static Optional<String> revision(PgQuery q) throws SQLException {
        if (!q.tableExists("alembic_version")) {
            return Optional.empty();
        }
        return q.text("SELECT version_num FROM alembic_version LIMIT 1");
    }

    static List<Finding> check(PgQuery q, String revision) throws SQLException {
        List<Finding> out = new ArrayList<>();
        if (revision != null && HAS_COMPLETED.contains(revision) && q.tableExists("model_usage_details")
                && !q.bool("SELECT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "WHERE c.relname = 'model_usage_details' AND pg_table_is_visible(c.oid) AND a.attname = 'completed' "
                + "AND a.attnum > 0 AND NOT a.attisdropped)")) {
            out.add(new Finding("postgres.missing-column", Severity.ERROR, "model_usage_details.completed",
                    "model_usage_details.completed is missing although revision " + revision + " includes it.",
                    "alembic_version = " + revision + "; model_usage_details has no column completed",
                    "The column was added on 2026-06-15 to the already-released revision 8bf38a6bb3b5; databases that ran "
                            + "v2.2.0rc3 recorded the revision without it (gpustack#5782). Upgrading from RC builds is not "
                            + "supported (gpustack#5913).",
                    new Fix("Stop GPUStack, back the database up (pg_dump -Fc), then run:", List.of(ADD_COMPLETED))));
        }
        return out;
    }
}
