package dbmedic.core.knowledge;

import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One app's knowledge, loaded from {@code /dbmedic/packs/<id>.json}. Engines ask it three
 * things: is this database the app's, which version does it record, and what must the
 * schema look like at that version.
 */
public interface AppPack {
    String id();

    String name();

    /** True when the schema carries the app's fingerprint (its version table and tables). */
    boolean recognizes(SchemaSnapshot schema);

    /** Reads the recorded version (read-only queries only). */
    AppliedState readState(Connection connection, SchemaSnapshot schema) throws SQLException;

    /** The expected schema at that version; empty when the version is unknown to the pack. */
    Optional<ExpectedSchema> expectedSchema(AppliedState state);

    List<ErrorPattern> errors();
}
