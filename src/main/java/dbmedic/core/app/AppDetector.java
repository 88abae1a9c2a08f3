package dbmedic.core.app;

import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which app a database belongs to and reads the version it records. The location's
 * hint only breaks ties between packs that all recognise the schema; an override (the
 * user's {@code --app}) forces a pack even when its fingerprint is missing.
 */
public final class AppDetector {
    private final PackRegistry packs;

    public AppDetector(PackRegistry packs) {
        this.packs = packs;
    }

    /**
     * The app, its pack and its recorded state. {@code state} is null when no pack applies.
     * {@code recognised} is false when the pack was forced by the override without its
     * fingerprint being present.
     */
    public record Detection(AppIdentity identity, Optional<AppPack> pack, AppliedState state, boolean recognised) {
        public static final Detection NONE = new Detection(AppIdentity.UNKNOWN, Optional.empty(), null, false);
    }

    /**
     * @param appHint  what the location suggests ("invokeai", "gpustack") or null
     * @param override the user's choice, or null to detect
     * @throws IllegalArgumentException when the override names no known app
     * @throws SQLException when reading the version fails
     */
    public Detection detect(SchemaSnapshot schema, Connection connection, String appHint, String override)
            throws SQLException {
        if (override != null && !override.isBlank()) {
            AppPack pack = packs.byId(override).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown app '" + override.trim() + "'. Known apps: " + String.join(", ", packs.ids()) + "."));
            return detection(pack, schema, connection, pack.recognizes(schema));
        }
        List<AppPack> candidates = new ArrayList<>();
        for (AppPack pack : packs.packs()) {
            if (pack.recognizes(schema)) {
                candidates.add(pack);
            }
        }
        if (candidates.isEmpty()) {
            return Detection.NONE;
        }
        AppPack chosen = candidates.stream().filter(p -> p.id().equalsIgnoreCase(appHint == null ? "" : appHint.trim()))
                .findFirst().orElse(candidates.get(0));
        return detection(chosen, schema, connection, true);
    }

    private static Detection detection(AppPack pack, SchemaSnapshot schema, Connection connection, boolean recognised)
            throws SQLException {
        AppliedState state = pack.readState(connection, schema);
        AppIdentity identity = new AppIdentity(pack.id(), pack.name(), state.version(), state.release(), state.known());
        return new Detection(identity, Optional.of(pack), state, recognised);
    }
}
