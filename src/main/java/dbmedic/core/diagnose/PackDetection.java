package dbmedic.core.diagnose;

import dbmedic.core.app.AppDetector;
import dbmedic.core.app.AppIdentity;
import dbmedic.core.check.AppDetection;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import dbmedic.core.sqlite.SchemaSnapshot;
import dbmedic.core.sqlite.SqliteErrors;
import dbmedic.core.target.PathText;
import dbmedic.core.target.UnusableInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the pack that knows the database (or the one the user chose) and reads the version
 * the database records. Read-only: packs only run SELECTs through the connection.
 */
final class PackDetection {
    private PackDetection() {
    }

    /** The chosen pack, or an exception listing the known ids; empty when nothing was chosen. */
    static Optional<AppPack> chosen(List<AppPack> packs, String override) throws UnusableInputException {
        if (override == null || override.isBlank()) {
            return Optional.empty();
        }
        String wanted = override.strip().toLowerCase(Locale.ROOT);
        return Optional.of(packs.stream().filter(p -> p.id().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new UnusableInputException("Unknown app '" + PathText.of(override.strip())
                        + "'. Known apps: " + String.join(", ", packs.stream().map(AppPack::id).toList()) + ".")));
    }

    static AppDetection detect(List<AppPack> packs, Optional<AppPack> chosen, String appHint,
                               Connection connection, SchemaSnapshot schema) {
        if (chosen.isPresent()) {
            return read(chosen.get(), true, connection, schema);
        }
        Optional<AppPack> pack = new AppDetector(packs).choose(schema, appHint);
        if (pack.isEmpty()) {
            return AppDetection.unknown(null);
        }
        return read(pack.get(), false, connection, schema);
    }

    private static AppDetection read(AppPack pack, boolean overridden, Connection connection, SchemaSnapshot schema) {
        String how = overridden ? "It was opened as " + pack.name() + " as asked" : "It looks like a " + pack.name() + " database";
        AppliedState state;
        try {
            state = pack.readState(connection, schema);
        } catch (SQLException e) {
            return AppDetection.unknown(how + ", but the version it records could not be read: "
                    + SqliteErrors.plain(e) + ".");
        }
        if (state == null || state.version() == null || state.version().isBlank()) {
            return AppDetection.unknown(how + ", but it records no " + pack.name() + " schema version.");
        }
        AppIdentity identity = new AppIdentity(pack.id(), pack.name(), state.version(), state.release(), state.known());
        return new AppDetection(identity, Optional.of(pack), Optional.of(state), overridden, null);
    }
}
