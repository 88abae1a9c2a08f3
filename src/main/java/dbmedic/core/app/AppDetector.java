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
    private final List<AppPack> packs;

    public AppDetector(PackRegistry packs) {
        this(packs.packs());
    }

    public AppDetector(List<AppPack> packs) {
        this.packs = List.copyOf(packs);
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
            AppPack pack = packs.stream().filter(p -> p.id().equalsIgnoreCase(override.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown app '" + override.trim()
                            + "'. Known apps: " + String.join(", ", packs.stream().map(AppPack::id).toList()) + "."));
            return detection(pack, schema, connection, pack.recognizes(schema));
        }
        Optional<AppPack> chosen = choose(schema, appHint);
        if (chosen.isEmpty()) {
            return Detection.NONE;
        }
        return detection(chosen.get(), schema, connection, true);
    }

    /**
     * The pack whose fingerprint the schema carries; when several do (which should not
     * happen), the one the location hints at. A pack that fails while looking counts as not
     * recognising the schema.
     */
    public Optional<AppPack> choose(SchemaSnapshot schema, String appHint) {
        List<AppPack> candidates = new ArrayList<>();
        for (AppPack pack : packs) {
            try {
                if (pack.recognizes(schema)) {
                    candidates.add(pack);
                }
            } catch (RuntimeException e) {
                // a malformed schema must not stop the diagnosis: this pack just does not apply
            }
        }
        String hint = appHint == null ? "" : appHint.trim();
        return candidates.stream().filter(p -> p.id().equalsIgnoreCase(hint)).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    private static Detection detection(AppPack pack, SchemaSnapshot schema, Connection connection, boolean recognised)
            throws SQLException {
        AppliedState state = pack.readState(connection, schema);
        AppIdentity identity = new AppIdentity(pack.id(), pack.name(), state.version(), state.release(), state.known());
        return new Detection(identity, Optional.of(pack), state, recognised);
    }
}
