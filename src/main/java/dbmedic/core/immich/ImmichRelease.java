package dbmedic.core.immich;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one span of Immich releases accepts at start-up (immich.md §2): inclusive first and
 * last release ({@code "v1.135.0"} .. {@code "v2.0.1"}), the version ranges from
 * {@code constants.ts}, and the auto-detection order of vector extensions by SQL name.
 * {@code pgvectors} is empty from v3 (pgvecto.rs support dropped); {@code vectorchord} is
 * empty before v1.133.
 */
public record ImmichRelease(String from, String to, VersionRange postgres, Optional<VersionRange> pgvectors,
                            VersionRange pgvector, Optional<VersionRange> vectorchord,
                            List<String> extensionPreference) {
    public ImmichRelease {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(pgvector, "pgvector");
        pgvectors = pgvectors == null ? Optional.empty() : pgvectors;
        vectorchord = vectorchord == null ? Optional.empty() : vectorchord;
        extensionPreference = List.copyOf(extensionPreference);
    }

    /** The accepted range for an extension by SQL name ({@code vector}, {@code vectors}, {@code vchord}). */
    public Optional<VersionRange> range(String extension) {
        return switch (extension) {
            case "vector" -> Optional.of(pgvector);
            case "vectors" -> pgvectors;
            case "vchord" -> vectorchord;
            default -> Optional.empty();
        };
    }

    /** Whether this release knows the extension at all (v3 has no pgvecto.rs code). */
    public boolean supports(String extension) {
        return range(extension).isPresent();
    }

    /** True when {@code immichVersion} (with or without "v") falls in this span. */
    public boolean covers(String immichVersion) {
        Optional<SemVer> v = SemVer.coerce(immichVersion);
        return v.isPresent() && v.get().compareTo(first()) >= 0 && v.get().compareTo(last()) <= 0;
    }

    public SemVer first() {
        return SemVer.coerce(from).orElseThrow();
    }

    public SemVer last() {
        return SemVer.coerce(to).orElseThrow();
    }

    /** "v1.135.0 – v2.0.1", for findings. */
    public String span() {
        return from.equals(to) ? from : from + " – " + to;
    }
}
