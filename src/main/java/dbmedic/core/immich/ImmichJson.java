package dbmedic.core.immich;

import java.util.List;

/** The JSON shape of {@code /dbmedic/packs/immich.json}. */
record ImmichJson(String id, List<String> sources, List<Release> releases) {
    record Release(String from, String to, String postgres, String pgvectors, String pgvector,
                   String vectorchord, List<String> extensionPreference, String note) {
    }
}
