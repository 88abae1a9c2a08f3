package dbmedic.core.postgres.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which server, which tables and which moment a backup read, so that a later change can
 * prove "nothing was written to this table since the backup" without hashing every row again:
 * same cluster (its system identifier), same table (its oid), the same number of rows, and no
 * visible row written by a transaction the backup's snapshot could not see (a row's
 * {@code xmin} older than the snapshot's {@code xmin}; an insert or an update writes a new
 * row version with a newer one, a delete lowers the count). Anything less certain — a frozen
 * horizon far away, an unknown identifier, a row of uncertain age — proves nothing, and the
 * caller falls back to the full checksum ({@link TableChecksums}).
 *
 * @param systemIdentifier {@code pg_control_system().system_identifier}, or null when the role may not read it
 * @param snapshotXmin     {@code txid_snapshot_xmin} of the backup's snapshot (64-bit, epoch included)
 * @param tableOids        each backed-up table's oid
 */
public record BackupOrigin(String systemIdentifier, long snapshotXmin, Map<String, Long> tableOids) {
    /** Rows written longer ago than this many transactions are not compared by xmin (wraparound window). */
    private static final long MAX_DISTANCE = 1L << 30;
    private static final String SYSTEM_IDENTIFIER = "CASE WHEN has_function_privilege('pg_control_system()', 'EXECUTE')"
            + " THEN (SELECT system_identifier::text FROM pg_control_system()) END";

    public BackupOrigin {
        tableOids = Map.copyOf(tableOids);
    }

    /** Read inside the backup's transaction, so the snapshot is the one its COPY files saw. */
    public static BackupOrigin read(Connection c, List<String> tables) throws SQLException {
        String system;
        long xmin;
        try (PreparedStatement st = c.prepareStatement("SELECT " + SYSTEM_IDENTIFIER
                + ", txid_snapshot_xmin(txid_current_snapshot())"); ResultSet rs = st.executeQuery()) {
            rs.next();
            system = rs.getString(1);
            xmin = rs.getLong(2);
        }
        Map<String, Long> oids = new LinkedHashMap<>();
        for (String table : tables) {
            Long oid = oidOf(c, table);
            if (oid != null) {
                oids.put(table, oid);
            }
        }
        return new BackupOrigin(system, xmin, oids);
    }

    /**
     * True only when {@code table} provably holds what the backup copied ({@code then}); the
     * caller holds a lock that keeps writers out. False means "not proven", not "changed".
     */
    public boolean provesUnchanged(Connection c, TableSnapshot then) throws SQLException {
        Long oid = tableOids.get(then.table());
        if (systemIdentifier == null || oid == null) {
            return false;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT " + SYSTEM_IDENTIFIER
                + ", txid_snapshot_xmax(txid_current_snapshot())")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long distance = rs.getLong(2) - snapshotXmin;
                if (!systemIdentifier.equals(rs.getString(1)) || distance < 0 || distance > MAX_DISTANCE) {
                    return false;
                }
            }
        }
        Long now = oidOf(c, then.table());
        if (!oid.equals(now)) {
            return false;
        }
        long xid32 = snapshotXmin % (1L << 32);
        if (xid32 < 3) {
            // 0-2 are PostgreSQL's special transaction ids: no ordering to rely on.
            return false;
        }
        // age() of a frozen row is the largest possible, so frozen rows count as old.
        try (PreparedStatement st = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE age(xmin) <= age(?::text::xid))"
                + " FROM " + TableChecksums.quote(then.table()))) {
            st.setString(1, Long.toString(xid32));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == then.rows() && rs.getLong(2) == 0;
            }
        }
    }

    private static Long oidOf(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(quote_ident(?))::oid")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }
}
