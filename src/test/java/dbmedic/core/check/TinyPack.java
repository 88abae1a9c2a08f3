package dbmedic.core.check;

import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.knowledge.ErrorPattern;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test app: recognised by its {@code tiny_versions(version INTEGER)} table; the recorded
 * version is the largest row; versions up to {@code newestKnown} are known (release "t&lt;n&gt;").
 */
public final class TinyPack implements AppPack {
    public static final String VERSION_TABLE_DDL = "CREATE TABLE tiny_versions(version INTEGER PRIMARY KEY)";

    private final String id;
    private final int newestKnown;
    private final Map<Integer, ExpectedSchema> schemas;
    private final List<ErrorPattern> errors;

    public TinyPack(String id, int newestKnown, Map<Integer, ExpectedSchema> schemas, List<ErrorPattern> errors) {
        this.id = id;
        this.newestKnown = newestKnown;
        this.schemas = schemas;
        this.errors = errors;
    }

    public TinyPack(int newestKnown, Map<Integer, ExpectedSchema> schemas) {
        this("tiny", newestKnown, schemas, List.of());
    }

    public static String recordVersion(int version) {
        return "INSERT INTO tiny_versions VALUES (" + version + ")";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return "Tiny-" + id;
    }

    @Override
    public boolean recognizes(SchemaSnapshot schema) {
        return schema.hasTable("tiny_versions");
    }

    @Override
    public AppliedState readState(Connection connection, SchemaSnapshot schema) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM tiny_versions")) {
            rs.next();
            int v = rs.getInt(1);
            boolean known = v <= newestKnown;
            return new AppliedState(String.valueOf(v), known ? "t" + v : null, known,
                    known ? List.of() : List.of("tiny_" + v));
        }
    }

    @Override
    public Optional<ExpectedSchema> expectedSchema(AppliedState state) {
        return Optional.ofNullable(schemas.get(Integer.parseInt(state.version())));
    }

    @Override
    public List<ErrorPattern> errors() {
        return errors;
    }
}
