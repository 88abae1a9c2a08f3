package dbmedic.core.check;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.AppliedState;
import java.util.Optional;

/**
 * Which app the database belongs to: the identity shown to the user, the pack that knows
 * it and the version it records. {@code note} explains, in one sentence, why a pack was not
 * applied (for example, the chosen app's version table could not be read), else null.
 */
public record AppDetection(AppIdentity identity, Optional<AppPack> pack, Optional<AppliedState> state,
                           boolean overridden, String note) {

    public static AppDetection unknown(String note) {
        return new AppDetection(AppIdentity.UNKNOWN, Optional.empty(), Optional.empty(), false, note);
    }

    /** The pack knows the recorded version, so the schema can be compared with it. */
    public boolean versionKnown() {
        return pack.isPresent() && state.map(s -> s.known()).orElse(false);
    }
}
