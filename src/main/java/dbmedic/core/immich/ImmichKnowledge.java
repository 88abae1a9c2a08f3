package dbmedic.core.immich;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Immich's accepted PostgreSQL and vector-extension versions per release, read from the
 * resource {@code /dbmedic/packs/immich.json} (immich.md §2). A version between two listed
 * spans (a patch release the table does not name) belongs to the older span, which is
 * what its constants.ts held; versions after the newest span's minor are unknown.
 */
public final class ImmichKnowledge {
    static final String RESOURCE = "/dbmedic/packs/immich.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<ImmichRelease> releases;

    private ImmichKnowledge(List<ImmichRelease> releases) {
        this.releases = releases.stream().sorted(Comparator.comparing(ImmichRelease::first)).toList();
    }

    public static ImmichKnowledge load() {
        try (InputStream in = ImmichKnowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Knowledge resource missing: " + RESOURCE);
            }
            ImmichJson json = MAPPER.readValue(in, ImmichJson.class);
            List<ImmichRelease> list = new ArrayList<>();
            for (ImmichJson.Release r : json.releases()) {
                list.add(new ImmichRelease(r.from(), r.to(), new VersionRange(r.postgres()),
                        Optional.ofNullable(r.pgvectors()).map(VersionRange::new),
                        new VersionRange(r.pgvector()),
                        Optional.ofNullable(r.vectorchord()).map(VersionRange::new),
                        r.extensionPreference()));
            }
            if (list.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " lists no releases");
            }
            return new ImmichKnowledge(list);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The span that holds {@code immichVersion} ("v1.135.0" or "1.135.0"); empty when unknown. */
    public Optional<ImmichRelease> release(String immichVersion) {
        Optional<SemVer> v = SemVer.coerce(immichVersion);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        ImmichRelease match = null;
        for (ImmichRelease r : releases) {
            if (v.get().compareTo(r.first()) >= 0) {
                match = r;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        SemVer last = match.last();
        boolean newest = match == releases.get(releases.size() - 1);
        // Past the newest span only its own patch releases are known (v3.1.x).
        if (newest && v.get().compareTo(last) > 0
                && (v.get().major() != last.major() || v.get().minor() != last.minor())) {
            return Optional.empty();
        }
        return Optional.of(match);
    }

    public ImmichRelease newest() {
        return releases.get(releases.size() - 1);
    }

    public List<ImmichRelease> releases() {
        return releases;
    }
}
