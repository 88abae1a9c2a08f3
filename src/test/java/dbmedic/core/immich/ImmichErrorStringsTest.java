package dbmedic.core.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.explain.ErrorExplainer;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error string quoted in knowledge/immich.md (§3, §7) maps to its finding. */
class ImmichErrorStringsTest {
    private static final ErrorExplainer EXPLAINER = new ErrorExplainer(PackRegistry.load());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PostgresError: vchord must be loaded via shared_preload_libraries.                                     | postgres.preload-missing | shared_preload_libraries
            Error: No vector extension found. Available extensions: vchord, vector                                  | immich.no-vector-extension | pg_available_extensions
            Error: No vector extension found. Available extensions: vchord, vectors, vector                         | immich.no-vector-extension | pg_available_extensions
            PostgresError: could not access file "$libdir/vectors": No such file or directory                       | immich.vector-columns-pgvectors | smart_search.embedding
            FATAL:  could not access file "vectors.so": No such file or directory                                   | postgres.preload-library-missing | vectors.so
            Error: The VectorChord extension version is 0.4.1, but Immich only supports >=0.3 <0.4.                 | immich.extension-out-of-range | VectorChord
            The database currently has VectorChord 0.4.2 activated, but the Postgres instance only has 0.4.1 available. | immich.extension-downgrade | VectorChord
            The database currently has pgvecto.rs 0.3.0 activated, but the Postgres instance only has 0.2.1 available.  | immich.extension-downgrade | pgvecto.rs
            Migration "1750323941566-UnsetPrewarmDimParameter" failed                                               | immich.prewarm-dim-setting | vchordrq.prewarm_dim
            Kysely migrations failed: PostgresError: invalid configuration parameter name "vchordrq.prewarm_dim"    | immich.prewarm-dim-setting | vchordrq.prewarm_dim
            ERROR: deserialization: bad version number; after upgrading VectorChord, please use REINDEX to rebuild the index. | immich.reindex-needed | clip_index
            ERROR: missing chunk number 0 for toast value 123456 in pg_toast_16789                                  | immich.reindex-needed | smart_search
            PostgresError: permission denied to create extension "vchord"                                          | immich.extension-create-denied | vchord
            PostgresError: must be owner of extension vchord                                                        | immich.extension-not-owner | vchord
            DEPRECATION WARNING: The pgvecto.rs extension is deprecated and support for it will be removed very soon. | immich.pgvectors-deprecated | vectors
            PostgresError: extension "vectors" is not available                                                     | immich.extension-not-available | vectors
            ERROR:  could not open extension control file "/usr/share/postgresql/14/extension/vectors.control": No such file or directory | immich.extension-not-available | vectors
            ERROR: required extension "vector" is not installed                                                     | immich.restore-extension-order | vector
            PostgresError: invalid input syntax for type vector: "-1.09,0.2"                                        | immich.vector-dimension | smart_search.embedding
            PostgresError: operator does not exist: vectors.vector <=> vectors.vector                               | immich.search-path-vectors | search_path
            QueryFailedError: type "vector" does not exist                                                          | immich.search-path-vectors | search_path
            PostgresError: pgvecto.rs: The index is not existing in the background worker.                          | immich.reindex-needed | clip_index
            pgvecto.rs: The given vector is invalid for input.                                                      | immich.vector-dimension | smart_search.embedding
            PostgresError: syntax error at or near "'vector(640)'"                                                  | immich.vector-dimension | smart_search.embedding
            PostgresError: no pg_hba.conf entry for host "172.16.2.5", user "immich", database "immich", no encryption | postgres.no-hba-entry | 172.16.2.5
            ERROR: Old PostgreSQL [15] binaries not found at [/usr/lib/postgresql/15/bin]                           | immich.packaged-upgrade-failed |
            PostgresError: could not resize shared memory segment "/PostgreSQL.2776187614" to 16777216 bytes: No space left on device | immich.shm-too-small | shm_size
            Migrations failed: Error: Invalid upgrade path. For more information, see https://docs.immich.app/errors/#typeorm-upgrade | immich.invalid-upgrade-path | migrations
            PostgreSQL container fails with: Read-only file system                                                  | immich.read-only-container | read_only
            PostgresError: cannot execute INSERT in a read-only transaction                                         | postgres.read-only | INSERT
            Invalid PostgreSQL version. Found 13.14 (Debian 13.14-1.pgdg120+2), but needed >=14.0.0. Please use a supported version. | immich.postgres-version | server_version
            Could not run vector reindexing checks. If the extension was updated, please restart the Postgres instance. | immich.reindex-failed | clip_index
            Detected schema drift. For more information, see https://docs.immich.app/errors#schema-drift            | immich.schema-drift | schema
            driverError: error: permission denied for view pg_vector_index_stat                                     | immich.vector-index-stat-permission | pg_vector_index_stat
            Database Backup Failure: Unsupported PostgreSQL version: 18.1                                           | immich.backup-unsupported-postgres | 18.1
            The VectorChord extension is not available in this Postgres instance.                                   | immich.extension-not-available | VectorChord
            Unsupported vector extension: 'pgvecto.rs'                                                              | immich.extension-not-available | pgvecto.rs
            """)
    void mapsToItsFinding(String line, String id, String subject) {
        List<Finding> findings = EXPLAINER.explain(line);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(id, findings.get(0).id());
        assertEquals(subject, findings.get(0).subject());
    }

    @Test
    void outOfRangeSummaryQuotesTheRange() {
        Finding f = EXPLAINER.explain("Error: The VectorChord extension version is 0.4.1, but Immich only supports >=0.3 <0.4.").get(0);
        assertTrue(f.summary().contains("(>=0.3 <0.4)"), f.summary());
    }

    /** Every message the predictor can produce is understood by explain (first line is enough). */
    @Test
    void everyPredictedMessageIsExplained() {
        ImmichRelease r = ImmichKnowledge.load().release("v2.0.0").orElseThrow();
        Map<String, String> messages = Map.of(
                "immich.extension-nightly", ImmichMessages.nightly("vchord", "v2.0.0"),
                "immich.extension-out-of-range", ImmichMessages.outOfRange("vchord", "0.5.0", r.vectorchord().orElseThrow()),
                "immich.extension-create-denied", ImmichMessages.createFailed("vchord", "v2.0.0"),
                "immich.extension-update-denied", ImmichMessages.updateFailed("vchord", "0.4.3", "v2.0.0"),
                "immich.extension-drop", ImmichMessages.dropFailed("vectors", "v2.0.0"),
                "immich.extension-downgrade", ImmichMessages.invalidDowngrade("vchord", "0.4.3", "0.4.1"),
                "immich.extension-not-available", ImmichMessages.notInstalled("vchord"),
                "immich.no-vector-extension", ImmichMessages.noVectorExtension(r),
                "immich.postgres-version", ImmichMessages.invalidPostgres("13.2", ">=14.0.0"),
                "immich.pgvectors-deprecated", ImmichMessages.deprecated("v2.0.0"));
        messages.forEach((id, text) -> {
            List<Finding> found = EXPLAINER.explain(text);
            assertTrue(found.stream().anyMatch(f -> f.id().equals(id)), id + " not found in " + found);
        });
    }
}
