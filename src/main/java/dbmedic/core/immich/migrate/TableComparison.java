package dbmedic.core.immich.migrate;

import dbmedic.core.postgres.backup.TableSnapshot;

/** One vector table's content at backup time and now. */
public record TableComparison(String table, TableSnapshot backup, TableSnapshot now) {
    public boolean same() {
        return backup != null && backup.sameContent(now);
    }
}
