package dbmedic.core.knowledge;

import dbmedic.core.knowledge.PackJson.Migration;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** How an app records its schema version, and how that record maps back to migrations. */
interface VersionScheme {
    /** Reads the recorded version with read-only SELECTs. */
    AppliedState read(Connection connection, SchemaSnapshot schema) throws SQLException;

    /** The migrations a known state stands for, in the pack's order; empty when not known. */
    Optional<List<Migration>> applied(AppliedState state);

    static VersionScheme of(PackJson.Pack pack) {
        PackJson.VersionSource source = pack.versionSource();
        if (source == null || source.kind() == null) {
            throw new IllegalStateException("Knowledge pack '" + pack.id() + "' has no versionSource.kind");
        }
        return switch (source.kind()) {
            case "legacy-and-ids" -> new LegacyAndIdsScheme(source, pack.migrations());
            case "alembic" -> new AlembicScheme(source, pack.migrations());
            default -> throw new IllegalStateException(
                    "Knowledge pack '" + pack.id() + "' has an unknown versionSource.kind: " + source.kind());
        };
    }
}
