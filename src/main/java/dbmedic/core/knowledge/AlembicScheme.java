package dbmedic.core.knowledge;

import dbmedic.core.knowledge.PackJson.Migration;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alembic's scheme: the revision id(s) in {@code alembic_version.version_num}. The pack lists
 * the revisions in chain order, so the schema at a revision is the chain up to it.
 */
final class AlembicScheme implements VersionScheme {
    private final PackJson.VersionSource source;
    private final List<Migration> chain;

    AlembicScheme(PackJson.VersionSource source, List<Migration> chain) {
        this.source = source;
        this.chain = List.copyOf(chain);
    }

    @Override
    public AppliedState read(Connection connection, SchemaSnapshot schema) throws SQLException {
        if (!schema.hasTable(source.table())) {
            return new AppliedState(null, null, false, List.of());
        }
        List<String> revisions = VersionQueries.values(connection, source.table(), source.column());
        if (revisions.isEmpty()) {
            return new AppliedState(null, null, false, List.of());
        }
        List<String> unknown = new ArrayList<>();
        int furthest = -1;
        for (String revision : revisions) {
            int i = indexOf(revision.trim());
            if (i < 0) {
                unknown.add(revision);
            }
            furthest = Math.max(furthest, i);
        }
        String version = String.join(", ", revisions);
        if (!unknown.isEmpty()) {
            return new AppliedState(version, null, false, unknown);
        }
        return new AppliedState(version, chain.get(furthest).release(), true, List.of());
    }

    @Override
    public Optional<List<Migration>> applied(AppliedState state) {
        if (state == null || !state.known() || state.version() == null) {
            return Optional.empty();
        }
        int furthest = -1;
        for (String revision : state.version().split(",")) {
            int i = indexOf(revision.trim());
            if (i < 0) {
                return Optional.empty();
            }
            furthest = Math.max(furthest, i);
        }
        return Optional.of(chain.subList(0, furthest + 1));
    }

    private int indexOf(String revision) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id().equals(revision)) {
                return i;
            }
        }
        return -1;
    }
}
