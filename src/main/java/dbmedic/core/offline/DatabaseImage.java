package dbmedic.core.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database image reference says about the server it runs, read from its tag:
 * <ul>
 * <li>{@code ghcr.io/immich-app/postgres:<PG>-vectorchord<X>[-pgvectors<Y>][-pgvector<Z>]}</li>
 * <li>{@code tensorchord/pgvecto-rs:pg<PG>-v<Y>} (pgvecto.rs only)</li>
 * <li>{@code tensorchord/vchord-postgres:pg<PG>-v<X>}, {@code tensorchord/cloudnative-vectorchord:<PG>-<X>}</li>
 * <li>{@code pgvector/pgvector:pg<PG>} / {@code :<Z>-pg<PG>}, {@code postgres:<PG>...} (no vector extension)</li>
 * </ul>
 * A digest ({@code @sha256:...}) pins the bytes but says nothing about versions; only the tag is read.
 *
 * @param reference    the image as written (after substitution)
 * @param repository   the repository without registry, e.g. {@code immich-app/postgres}
 * @param tag          the tag, or null
 * @param postgres     Postgres major from the tag
 * @param vectorchord  VectorChord version shipped; empty when none or unknown
 * @param pgvectors    pgvecto.rs version shipped
 * @param pgvector     pgvector version when the tag names it
 * @param hasPgvector  pgvector ships (VectorChord depends on it, so every vchord image has it)
 * @param known        the repository is one whose tags this class understands
 */
record DatabaseImage(String reference, String repository, String tag, Optional<Integer> postgres,
                     Optional<String> vectorchord, Optional<String> pgvectors, Optional<String> pgvector,
                     boolean hasPgvector, boolean known) {

    private static final String V = "([0-9]+(?:\\.[0-9]+)*)";
    private static final Pattern IMMICH = Pattern.compile(
            "^([0-9]+)(?:\\.[0-9]+)*-vectorchord" + V + "(?:-pgvectors" + V + ")?(?:-pgvector" + V + ")?(?:-.*)?$");
    private static final Pattern PGVECTORS = Pattern.compile("^pg([0-9]+)-v" + V + "(?:-.*)?$");
    private static final Pattern CNPG = Pattern.compile("^([0-9]+)(?:\\.[0-9]+)*-v?" + V + "(?:-.*)?$");
    private static final Pattern PGVECTOR = Pattern.compile("^(?:v?" + V + "-)?pg([0-9]+)(?:-.*)?$");
    private static final Pattern PLAIN = Pattern.compile("^([0-9]+)(?:[.-].*)?$");

    /** True when the image looks like a PostgreSQL server image at all. */
    static boolean looksLikePostgres(String image) {
        if (image == null) {
            return false;
        }
        String repo = parse(image).repository();
        return repo.equals("postgres") || repo.endsWith("/postgres") || repo.contains("pgvecto")
                || repo.contains("vectorchord") || repo.contains("vchord") || repo.contains("postgis")
                || repo.endsWith("/postgresql") || repo.contains("pgvector");
    }

    static DatabaseImage parse(String reference) {
        String ref = reference.strip();
        String noDigest = ref;
        int at = ref.indexOf('@');
        if (at >= 0) {
            noDigest = ref.substring(0, at);
        }
        String tag = null;
        String repo = noDigest;
        int colon = noDigest.lastIndexOf(':');
        if (colon > noDigest.lastIndexOf('/')) {
            tag = noDigest.substring(colon + 1);
            repo = noDigest.substring(0, colon);
        }
        repo = stripRegistry(repo).toLowerCase(Locale.ROOT);
        Optional<Integer> pg = Optional.empty();
        Optional<String> vchord = Optional.empty();
        Optional<String> vectors = Optional.empty();
        Optional<String> vector = Optional.empty();
        boolean hasVector = false;
        boolean known = true;
        Matcher m;
        if (tag == null) {
            known = false;
        } else if (repo.equals("immich-app/postgres") && (m = IMMICH.matcher(tag)).matches()) {
            pg = Optional.of(Integer.parseInt(m.group(1)));
            vchord = Optional.of(m.group(2));
            vectors = Optional.ofNullable(m.group(3));
            vector = Optional.ofNullable(m.group(4));
            hasVector = true;
        } else if (repo.equals("tensorchord/pgvecto-rs") && (m = PGVECTORS.matcher(tag)).matches()) {
            pg = Optional.of(Integer.parseInt(m.group(1)));
            vectors = Optional.of(m.group(2));
        } else if (repo.equals("tensorchord/vchord-postgres") && (m = PGVECTORS.matcher(tag)).matches()) {
            pg = Optional.of(Integer.parseInt(m.group(1)));
            vchord = Optional.of(m.group(2));
            hasVector = true;
        } else if (repo.equals("tensorchord/cloudnative-vectorchord") && (m = CNPG.matcher(tag)).matches()) {
            pg = Optional.of(Integer.parseInt(m.group(1)));
            vchord = Optional.of(m.group(2));
            hasVector = true;
        } else if (repo.equals("pgvector/pgvector") && (m = PGVECTOR.matcher(tag)).matches()) {
            vector = Optional.ofNullable(m.group(1));
            pg = Optional.of(Integer.parseInt(m.group(2)));
            hasVector = true;
        } else if ((repo.equals("library/postgres") || repo.equals("postgres")) && (m = PLAIN.matcher(tag)).matches()) {
            pg = Optional.of(Integer.parseInt(m.group(1)));
        } else {
            known = false;
        }
        return new DatabaseImage(ref, repo, tag, pg, vchord, vectors, vector, hasVector, known);
    }

    /** Docker Hub's official images live under {@code library/}; other registries keep their path. */
    private static String stripRegistry(String repo) {
        int slash = repo.indexOf('/');
        if (slash > 0) {
            String first = repo.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                repo = repo.substring(slash + 1);
            }
        }
        return repo.startsWith("library/") ? repo.substring(8) : repo;
    }

    /** The vector extensions (SQL names) the image ships, in no particular order. */
    java.util.List<String> extensions() {
        java.util.List<String> l = new java.util.ArrayList<>();
        vectorchord.ifPresent(v -> l.add("vchord"));
        pgvectors.ifPresent(v -> l.add("vectors"));
        if (hasPgvector) {
            l.add("vector");
        }
        return l;
    }

    /** The version the tag gives for an extension (SQL name), if it names one. */
    Optional<String> version(String extension) {
        return switch (extension) {
            case "vchord" -> vectorchord;
            case "vectors" -> pgvectors;
            case "vector" -> pgvector;
            default -> Optional.empty();
        };
    }

    /** "Postgres 14, VectorChord 0.4.3, pgvecto.rs 0.2.0, pgvector". */
    String describe() {
        if (!known) {
            return "versions not readable from the tag";
        }
        StringBuilder b = new StringBuilder();
        postgres.ifPresent(p -> b.append("Postgres ").append(p));
        vectorchord.ifPresent(v -> b.append(", VectorChord ").append(v));
        pgvectors.ifPresent(v -> b.append(", pgvecto.rs ").append(v));
        if (hasPgvector) {
            b.append(", pgvector").append(pgvector.map(v -> " " + v).orElse(""));
        }
        if (vectorchord.isEmpty() && pgvectors.isEmpty() && !hasPgvector) {
            b.append(", no vector extension");
        }
        return b.toString();
    }
}
