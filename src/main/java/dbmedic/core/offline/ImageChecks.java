package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database image against the Immich release: which vector extension Immich would pick
 * from what the image ships (immich.md §1 step 3) and whether its version is in range (§2).
 */
final class ImageChecks {

    private ImageChecks() {
    }

    /** The SQL name Immich would choose, or empty when the image offers none it accepts. */
    static Optional<String> chosenExtension(DatabaseImage image, ImmichRelease release, Optional<String> pinned) {
        if (release.vectorchord().isEmpty()) {
            // Before v1.133 there is no detection: pgvector only when pinned, else pgvecto.rs.
            return Optional.of(pinned.filter("vector"::equals).orElse("vectors"));
        }
        if (pinned.isPresent()) {
            return pinned;
        }
        for (String ext : release.extensionPreference()) {
            if (image.extensions().contains(ext)) {
                return Optional.of(ext);
            }
        }
        return Optional.empty();
    }

    static List<Finding> check(ImmichSetup setup, DatabaseImage image, Optional<String> pinned, ImmichKnowledge k) {
        List<Finding> out = new ArrayList<>();
        ImmichRelease release = setup.release().orElseThrow();
        String immich = immichLabel(setup, release);
        String subject = setup.database().name();
        if (!image.known()) {
            return out;
        }
        if (image.postgres().isPresent() && !release.postgres().contains(image.postgres().get() + ".0.0")) {
            out.add(Findings.of("immich.postgres-version", Severity.ERROR, subject,
                    "PostgreSQL " + image.postgres().get() + " is older than Immich accepts",
                    "image " + image.reference() + "; " + immich + " needs PostgreSQL " + release.postgres().text(),
                    "Immich stops at start with: Invalid PostgreSQL version. Found " + image.postgres().get()
                            + ", but needed " + release.postgres().text() + ". Please use a supported version.",
                    "Use an image of PostgreSQL 14 or newer; moving a data directory to a new major version "
                            + "needs a dump and restore (or pg_upgrade), not just a new image."));
        }
        Optional<String> chosen = chosenExtension(image, release, pinned);
        String available = String.join(", ", release.extensionPreference());
        if (chosen.isEmpty()) {
            boolean oldPgvectors = image.pgvectors().isPresent();
            out.add(Findings.of("immich.no-vector-extension", Severity.ERROR, subject,
                    "The database image has no vector extension " + immich + " can use",
                    "image " + image.reference() + " (" + image.describe() + "); " + immich + " looks for "
                            + available,
                    "Immich stops at start with: Error: No vector extension found. Available extensions: " + available
                            + (oldPgvectors ? ". The image only has pgvecto.rs, whose support " + immich
                            + " no longer has (immich#29448, #29493)." : "."),
                    "Switch the database image to ghcr.io/immich-app/postgres:" + image.postgres().map(String::valueOf)
                            .orElse("<PG>") + "-vectorchord0.4.3-pgvectors" + image.pgvectors().orElse("0.2.0")
                            + " (same PostgreSQL major" + (oldPgvectors ? " and pgvecto.rs version" : "")
                            + " as now) and add shm_size: 128mb."
                            + (oldPgvectors && release.pgvectors().isEmpty()
                            ? " The database still holds pgvecto.rs data, which " + immich + " cannot convert: run "
                            + "Immich v2.7.5 once with that image so it migrates to VectorChord, then upgrade."
                            : "")
                            + (setup.database().command().isPresent() ? " Remove `command:` and `healthcheck:` "
                            + "from the database service too: the new image preloads vchord.so itself." : "")));
            return out;
        }
        String ext = chosen.get();
        String name = ExtensionNames.display(ext);
        if (!image.extensions().contains(ext)) {
            out.add(Findings.of("immich.no-vector-extension", Severity.ERROR, subject,
                    "DB_VECTOR_EXTENSION selects " + name + ", which the database image does not have",
                    "image " + image.reference() + " (" + image.describe() + ")",
                    "Immich stops at start with: The " + name + " extension is not available in this Postgres "
                            + "instance. If using a container image, ensure the image has the extension installed.",
                    "Remove DB_VECTOR_EXTENSION so Immich detects the extension itself, or use an image that has "
                            + name + "."));
            return out;
        }
        Optional<VersionRange> range = release.range(ext);
        Optional<String> version = image.version(ext);
        if (range.isPresent() && version.isPresent() && !version.get().equals("0.0.0")
                && !range.get().contains(version.get())) {
            out.add(Findings.of("immich.image-out-of-range", Severity.ERROR, subject,
                    name + " " + version.get() + " in the database image is outside what " + immich + " accepts",
                    "image " + image.reference() + "; " + immich + " accepts " + name + " " + range.get().text(),
                    "Immich stops at start with: The " + name + " extension version is " + version.get()
                            + ", but Immich only supports " + range.get().text() + ". Typically the compose file "
                            + "came from Immich's main branch instead of the release (immich#18810, #18960).",
                    "Use the database image from the compose file of your Immich release (an older " + name
                            + "), or upgrade Immich" + firstAccepting(k, ext, version.get()).map(v -> " to " + v
                            + " or later").orElse("") + ". Never go back to an older extension than the "
                            + "database has already been updated to."));
        }
        if (ext.equals("vchord") && image.pgvectors().isEmpty()) {
            out.add(Findings.of("immich.image-without-pgvectors", Severity.WARNING, subject,
                    "The database image has VectorChord but not pgvecto.rs",
                    "image " + image.reference() + " (" + image.describe() + ")",
                    "If your database still has pgvecto.rs columns (vectors.vector, USING vectors indexes) — it ran "
                            + "on tensorchord/pgvecto-rs or a -pgvectors image and Immich has not converted it yet — "
                            + "Immich fails with: could not access file \"$libdir/vectors\": No such file or directory "
                            + "(immich#23821, #29983).",
                    "If the database was converted already, nothing to do. Otherwise use the -pgvectors variant "
                            + "(ghcr.io/immich-app/postgres:" + image.postgres().map(String::valueOf).orElse("<PG>")
                            + "-vectorchord" + image.vectorchord().orElse("0.4.3") + "-pgvectors0.2.0) with Immich "
                            + "v2.7.5 or older until Immich has migrated to VectorChord; Immich v3 cannot convert."));
        }
        return out;
    }

    /** The first known release whose range holds this extension version. */
    private static Optional<String> firstAccepting(ImmichKnowledge k, String ext, String version) {
        for (ImmichRelease r : k.releases()) {
            if (r.range(ext).map(x -> x.contains(version)).orElse(false)) {
                return Optional.of(r.from());
            }
        }
        return Optional.empty();
    }

    static String immichLabel(ImmichSetup setup, ImmichRelease release) {
        return setup.versionKnown() ? "Immich " + setup.versionText()
                : "Immich (assumed " + release.span() + ", version not pinned)";
    }
}
