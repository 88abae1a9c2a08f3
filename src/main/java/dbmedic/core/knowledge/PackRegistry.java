package dbmedic.core.knowledge;

import java.util.List;
import java.util.Optional;

/** All knowledge packs shipped as resources under /dbmedic/packs/. */
public final class PackRegistry {
    public static PackRegistry load() {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<AppPack> packs() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<AppPack> byId(String id) {
        throw new UnsupportedOperationException("not built yet");
    }
}
