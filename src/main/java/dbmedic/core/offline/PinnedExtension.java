package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import java.util.Optional;

/** {@code DB_VECTOR_EXTENSION} set: Immich skips auto-detection (immich.md §1 step 3, §7 #10, #11). */
final class PinnedExtension {

    private PinnedExtension() {
    }

    static Finding finding(String raw, Optional<String> pinned, ImmichSetup setup, DatabaseImage image, ComposeProject p) {
        String where = setup.server() != null && setup.server().environment().containsKey("DB_VECTOR_EXTENSION")
                && !p.env().values().containsKey("DB_VECTOR_EXTENSION")
                ? setup.server().label() + " environment" : ".env";
        String evidence = "DB_VECTOR_EXTENSION=" + raw + " in " + where
                + (image == null ? "" : "; database image " + image.reference() + " (" + image.describe() + ")");
        String fix = "Remove the DB_VECTOR_EXTENSION line from " + where + " so Immich picks the extension "
                + "itself (VectorChord when the image has it), then `docker compose up -d`.";
        if (pinned.isEmpty()) {
            return Findings.of("compose.vector-extension-pinned", Severity.WARNING, "DB_VECTOR_EXTENSION",
                    "DB_VECTOR_EXTENSION has a value Immich does not know",
                    evidence,
                    "Immich accepts pgvector, pgvecto.rs (not in v3) and vectorchord; anything else fails at start "
                            + "(Unsupported vector extension) or, before v1.133, silently selects pgvecto.rs.",
                    fix);
        }
        String ext = pinned.get();
        boolean imageHasVchord = image != null && image.vectorchord().isPresent();
        if (ext.equals("vector") && imageHasVchord) {
            return Findings.of("compose.vector-extension-pinned", Severity.WARNING, "DB_VECTOR_EXTENSION",
                    "DB_VECTOR_EXTENSION=pgvector keeps Immich on pgvector although the image has VectorChord",
                    evidence,
                    "With the pin Immich uses pgvector and tries to drop the \"unneeded\" vchord extension, which "
                            + "fails with: must be owner of extension vchord (immich#18462; often an Unraid template "
                            + "default).",
                    fix + " If vchord is owned by another role, a superuser runs ALTER EXTENSION vchord UPDATE; once.");
        }
        if (ext.equals("vectors")) {
            return Findings.of("compose.vector-extension-pinned", Severity.WARNING, "DB_VECTOR_EXTENSION",
                    "DB_VECTOR_EXTENSION=pgvecto.rs keeps Immich on pgvecto.rs",
                    evidence,
                    "The pin skips auto-detection, so the migration to VectorChord never runs and the "
                            + "\"DEPRECATION WARNING: The pgvecto.rs extension is deprecated\" keeps appearing; Immich "
                            + "v3 has no pgvecto.rs support at all (docs install/upgrading.md).",
                    fix);
        }
        return Findings.of("compose.vector-extension-pinned", Severity.INFO, "DB_VECTOR_EXTENSION",
                "DB_VECTOR_EXTENSION pins " + ExtensionNames.display(ext),
                evidence,
                "Immich uses " + ExtensionNames.display(ext) + " without looking at what the database offers.",
                "Usually not needed; remove it unless you have a reason to pin.");
    }
}
