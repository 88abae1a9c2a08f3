package dbmedic.core.postgres;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ImmichMessages;
import dbmedic.core.immich.ImmichRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Immich's vector columns and indexes against the extension it will use (immich.md §4, §5):
 * pgvecto.rs column types left after switching, index access methods that make Immich
 * reindex, the CLIP dimension, and search_path while on pgvecto.rs.
 */
final class VectorSchemaChecks {
    private static final Set<Integer> CLIP_DIMENSIONS = Set.of(512, 640, 768, 1024, 1152, 1536);

    private VectorSchemaChecks() {
    }

    static String accessMethodFor(String extension) {
        return switch (extension) {
            case "vchord" -> "vchordrq";
            case "vectors" -> "vectors";
            default -> "hnsw";
        };
    }

    static List<Finding> check(ServerFacts f, ImmichFacts immich, ImmichRelease release, String chosen) {
        List<Finding> out = new ArrayList<>();
        List<ImmichFacts.VectorColumn> pgvectors = immich.columns().stream().filter(ImmichFacts.VectorColumn::pgvectors).toList();
        // Unknown preload (role may not see it) is not reported as missing: the preload finding says it is unknown.
        boolean vectorsLoaded = !f.preload().visible() || PreloadCheck.loaded(f.preload().value()).contains("vectors");
        if (!pgvectors.isEmpty() && chosen != null && !chosen.equals("vectors")) {
            boolean v3 = !release.supports("vectors");
            boolean canConvert = !v3 && vectorsLoaded && f.vectorExtensions().containsKey("vectors")
                    && f.vectorExtensions().get("vectors").installed();
            String cols = String.join(", ", pgvectors.stream().map(c -> c.table() + ".embedding " + c.type()).toList());
            String dims = pgvectors.stream().filter(c -> c.table().equals("smart_search")).map(c -> Integer.toString(c.typmod()))
                    .findFirst().orElse("512");
            List<String> manual = List.of(
                    "DROP INDEX IF EXISTS clip_index;",
                    "DROP INDEX IF EXISTS face_index;",
                    "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[];",
                    "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[];",
                    "CREATE EXTENSION IF NOT EXISTS vchord CASCADE;",
                    "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE vector(" + dims + ");",
                    "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE vector(512);");
            String why = "The columns still use pgvecto.rs's type while Immich will use " + ImmichMessages.displayName(chosen)
                    + ". Converting them (SET DATA TYPE real[] then vector(n)) needs pgvecto.rs's library loaded"
                    + " (immich#23821, #29983).";
            if (v3) {
                out.add(new Finding("immich.vector-columns-pgvectors", Severity.ERROR, "smart_search.embedding", "The vector "
                        + "columns still have pgvecto.rs's type, and Immich " + release.span() + " no longer has pgvecto.rs code to convert them.",
                        cols, why + " v3 dropped pgvecto.rs support (PR #28159), so migrate on Immich v2.7.5 first.",
                        new Fix("Start Immich v2.7.5 once with a database image that has both VectorChord and pgvecto.rs "
                                + "(ghcr.io/immich-app/postgres:<PG>-vectorchord0.4.3-pgvectors<Y>) and both libraries preloaded; or, "
                                + "while pgvecto.rs is still loadable, run the manual path (after a backup) and start Immich:", manual)));
            } else {
                out.add(new Finding("immich.vector-columns-pgvectors", canConvert ? Severity.INFO : Severity.ERROR,
                        "smart_search.embedding",
                        canConvert ? "Immich will convert the pgvecto.rs vector columns at its next start."
                                : "The vector columns have pgvecto.rs's type and cannot be converted as the server is set up now.",
                        cols + "; vectors.so preloaded=" + (f.preload().visible() ? vectorsLoaded : "unknown") + "; vectors installed here="
                                + (f.vectorExtensions().containsKey("vectors") && f.vectorExtensions().get("vectors").installed()),
                        why + (canConvert ? "" : " Without it, the reindex fails with could not access file \"$libdir/vectors\"."),
                        new Fix(canConvert ? "Let Immich run until it logs \"Reindexed clip_index\" and \"Reindexed face_index\"; do not restart it meanwhile."
                                : "Use an image with both VectorChord and pgvecto.rs (…-vectorchord<X>-pgvectors<Y>) and preload "
                                + "'vchord.so, vectors.so' during the migration; or, while pgvecto.rs is loadable, the manual path:", canConvert ? List.of() : manual)));
            }
        }
        for (ImmichFacts.VectorColumn c : immich.columns()) {
            boolean arrayType = "_float4".equals(c.typeName());
            if (c.table().equals("face_search") && !arrayType && c.typmod() != 512 && c.typmod() > 0) {
                out.add(new Finding("immich.vector-dimension", Severity.WARNING, "face_search.embedding",
                        "face_search.embedding has dimension " + c.typmod() + "; Immich always uses 512.", c.type(),
                        "Face embeddings are always 512-dimensional (InitialMigration); another size comes from a hand edit.",
                        new Fix("After a backup, in the Immich database:", List.of(
                                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[];",
                                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE vector(512);"))));
            }
            if (c.table().equals("smart_search") && !arrayType && c.typmod() > 0 && !CLIP_DIMENSIONS.contains(c.typmod())) {
                out.add(new Finding("immich.vector-dimension", Severity.WARNING, "smart_search.embedding",
                        "smart_search.embedding has dimension " + c.typmod() + ", which no CLIP model Immich knows produces.", c.type(),
                        "Immich's CLIP models have 512, 640, 768, 1024, 1152 or 1536 dimensions; a mismatch gives \"The given vector "
                                + "is invalid for input\" errors (immich#9220).",
                        Fix.text("Select the CLIP model again in Administration > Machine Learning and run Smart Search for All; "
                                + "Immich then resets the column to the model's dimension.")));
            }
            if (arrayType) {
                out.add(new Finding("immich.reindex-pending", Severity.INFO, c.table() + ".embedding",
                        c.table() + ".embedding is real[] (a manual migration in progress); Immich will convert it and build its index.",
                        c.type(), "The manual migration path (immich docs) leaves real[] columns for Immich to convert.",
                        Fix.text("Start Immich and wait for \"Reindexed clip_index\" and \"Reindexed face_index\".")));
            }
        }
        if (chosen != null && !immich.columns().isEmpty()) {
            String want = accessMethodFor(chosen);
            for (String index : List.of("clip_index", "face_index")) {
                var found = immich.indexes().stream().filter(i -> i.name().equals(index)).findFirst();
                if (found.isEmpty() || !found.get().accessMethod().equals(want)) {
                    out.add(new Finding("immich.reindex-pending", Severity.INFO, index,
                            found.isEmpty() ? index + " is missing; Immich will build it at its next start."
                                    : index + " uses " + found.get().accessMethod() + "; Immich will rebuild it with " + want + ".",
                            found.map(ImmichFacts.VectorIndex::definition).orElse("no index named " + index),
                            "Immich reindexes when the index is missing or was not built for the extension in use (immich.md §4.2). "
                                    + "On large libraries the log sits at \"Reindexing " + index + "\" for a long time; that is normal.",
                            Fix.text("Nothing to do; let Immich finish (\"Reindexed " + index + "\") and do not restart it meanwhile.")));
                }
            }
        }
        if ("vectors".equals(chosen) && !searchPathHasVectors(f.searchPath())) {
            out.add(new Finding("immich.search-path-vectors", Severity.ERROR, "search_path",
                    "Immich uses pgvecto.rs but the search_path lacks the schema vectors.",
                    "search_path = " + f.searchPath() + (f.databaseSettings().isEmpty() ? "" : "; database/role settings: "
                            + String.join("; ", f.databaseSettings())),
                    "pgvecto.rs 0.2+ puts its types and operators in schema vectors; without it queries fail with "
                            + "operator does not exist: vectors.vector <=> vectors.vector (immich#15753, #7292). The old compose "
                            + "file set it with -c 'search_path=\"$$user\", public, vectors'.",
                    new Fix("As the database owner or a superuser:", List.of("ALTER DATABASE " + ImmichChecks.quoteIdent(f.database())
                            + " SET search_path TO \"$user\", public, vectors;"))));
        }
        return out;
    }

    static boolean searchPathHasVectors(String searchPath) {
        for (String part : searchPath.split(",")) {
            String p = part.strip();
            if (p.equals("vectors") || p.equals("\"vectors\"")) {
                return true;
            }
        }
        return false;
    }
}
