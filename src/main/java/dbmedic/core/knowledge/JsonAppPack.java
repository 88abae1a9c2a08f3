package dbmedic.core.knowledge;

import dbmedic.core.knowledge.PackJson.Migration;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An app's knowledge as read from its pack file; all app specifics live in the data. */
public final class JsonAppPack implements AppPack {
    private final PackJson.Pack json;
    private final VersionScheme scheme;
    private final List<ErrorPattern> errors;
    private final ExpectedSchema newest;

    JsonAppPack(PackJson.Pack json) {
        this.json = validate(json);
        this.scheme = VersionScheme.of(json);
        this.errors = json.errors() == null ? List.of() : json.errors().stream().map(ErrorRule::toPattern).toList();
        // Folding the chain once proves the pack is consistent before anyone relies on it.
        SchemaFold.fold(json.id(), "validation", json.migrations());
        List<Migration> tracked = json.migrations().stream().takeWhile(Migration::tracked).toList();
        this.newest = SchemaFold.fold(json.id(), tracked.isEmpty() ? null : tracked.get(tracked.size() - 1).id(), tracked);
    }

    @Override
    public String id() {
        return json.id();
    }

    @Override
    public String name() {
        return json.name();
    }

    @Override
    public boolean recognizes(SchemaSnapshot schema) {
        PackJson.Recognition r = json.recognition();
        boolean versionTable = r.versionTablesAny().stream().anyMatch(schema::hasTable);
        long characteristic = r.characteristicTables().stream().filter(schema::hasTable).count();
        return versionTable && characteristic >= r.minCharacteristic();
    }

    @Override
    public AppliedState readState(Connection connection, SchemaSnapshot schema) throws SQLException {
        return scheme.read(connection, schema);
    }

    @Override
    public Optional<ExpectedSchema> expectedSchema(AppliedState state) {
        Optional<List<Migration>> applied = scheme.applied(state);
        if (applied.isEmpty() || applied.get().stream().anyMatch(m -> !m.tracked())) {
            return Optional.empty();
        }
        return Optional.of(SchemaFold.fold(json.id(), state.version(), applied.get()));
    }

    @Override
    public List<ErrorPattern> errors() {
        return errors;
    }

    /** The migrations in the order the app applies them (ids, releases, summaries). */
    public List<Migration> migrations() {
        return json.migrations();
    }

    public List<String> sources() {
        return json.sources() == null ? List.of() : json.sources();
    }

    /** The schema after every migration whose schema the pack models (the newest it can describe). */
    public ExpectedSchema newestSchema() {
        return newest;
    }

    PackJson.Pack json() {
        return json;
    }

    private static PackJson.Pack validate(PackJson.Pack json) {
        String id = json.id();
        if (id == null || id.isBlank() || json.name() == null) {
            throw new IllegalStateException("A knowledge pack lacks its id or name");
        }
        if (json.recognition() == null || json.recognition().versionTablesAny() == null
                || json.recognition().characteristicTables() == null) {
            throw new IllegalStateException("Knowledge pack '" + id + "' lacks recognition tables");
        }
        if (json.migrations() == null || json.migrations().isEmpty()) {
            throw new IllegalStateException("Knowledge pack '" + id + "' lists no migrations");
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> legacy = new HashSet<>();
        Integer previous = null;
        for (Migration m : json.migrations()) {
            if (m.id() == null || !ids.add(m.id())) {
                throw new IllegalStateException("Knowledge pack '" + id + "' repeats or omits migration id " + m.id());
            }
            if (m.legacy() != null) {
                if (!legacy.add(m.legacy()) || (previous != null && m.legacy() != previous + 1)) {
                    throw new IllegalStateException("Knowledge pack '" + id + "': numbered migrations must count up by one; "
                            + m.id() + " has " + m.legacy());
                }
                previous = m.legacy();
            }
        }
        return json;
    }
}
