package dbmedic.core.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.immich.StartupPrediction.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupPredictorTest {
    private final ImmichKnowledge k = ImmichKnowledge.load();

    private static Map<String, ExtensionState> ext(String... nameAvailableInstalled) {
        Map<String, ExtensionState> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAvailableInstalled.length; i += 3) {
            m.put(nameAvailableInstalled[i], new ExtensionState(nameAvailableInstalled[i], nameAvailableInstalled[i + 1],
                    nameAvailableInstalled[i + 2]));
        }
        return m;
    }

    private StartupPrediction predict(String immich, Map<String, ExtensionState> e) {
        return StartupPredictor.predict(k.release(immich).orElseThrow(), immich, "16.4 (Debian 16.4-1.pgdg120+2)", e, null);
    }

    @Test
    void serverVersionIsCheckedFirstWithTheRawText() {
        StartupPrediction p = StartupPredictor.predict(k.release("v2.0.0").orElseThrow(), "v2.0.0",
                "13.14 (Debian 13.14-1.pgdg120+2)", ext("vchord", "0.0.0", null), null);
        assertEquals(Outcome.POSTGRES_VERSION, p.outcome());
        assertEquals("Invalid PostgreSQL version. Found 13.14 (Debian 13.14-1.pgdg120+2), but needed >=14.0.0. "
                + "Please use a supported version.", p.message().orElseThrow());
    }

    @Test
    void realIssue18810Text() {
        StartupPrediction p = predict("v1.134.0", ext("vchord", "0.4.1", null, "vector", "0.8.0", null));
        assertEquals(Outcome.OUT_OF_RANGE, p.outcome());
        assertEquals("vchord", p.extension().orElseThrow());
        assertEquals("The VectorChord extension version is 0.4.1, but Immich only supports >=0.3 <0.4.\n"
                + "    Please change VectorChord to a compatible version in the Postgres instance.", p.message().orElseThrow());
    }

    @Test
    void noExtensionListsTheReleasesPreference() {
        assertEquals("Error: No vector extension found. Available extensions: vchord, vector",
                predict("v3.0.0", ext("vectors", "0.2.0", "0.2.0")).message().orElseThrow(),
                "v3 ignores pgvecto.rs entirely");
        assertEquals("Error: No vector extension found. Available extensions: vchord, vectors, vector",
                predict("v2.7.5", Map.of()).message().orElseThrow());
    }

    @Test
    void autoDetectionOrderPrefersVchordThenVectors() {
        StartupPrediction p = predict("v1.135.0", ext("vectors", "0.2.0", "0.2.0", "vchord", "0.4.3", null, "vector", "0.8.0", null));
        assertEquals("vchord", p.extension().orElseThrow());
        assertEquals(Outcome.CREATE, p.outcome());
        assertEquals("CREATE EXTENSION IF NOT EXISTS vchord CASCADE", p.statement().orElseThrow());
        assertEquals(List.of("vectors"), p.drops(), "pgvecto.rs is dropped after migrating; vector stays for vchord");
        assertTrue(p.message().orElseThrow().startsWith("Failed to activate VectorChord extension.\n"));
        assertTrue(p.message().orElseThrow().contains("https://immich.app/docs/guides/database-queries"),
                "before v2.0.1 the docs lived on immich.app/docs");
        assertTrue(predict("v2.1.0", ext("vchord", "0.5.3", null)).message().orElseThrow()
                .contains("https://docs.immich.app/guides/database-queries"));
    }

    @Test
    void nightlyBeatsRangeAndInstalledNightlyCounts() {
        StartupPrediction p = predict("v2.0.0", ext("vchord", "0.4.3", "0.0.0"));
        assertEquals(Outcome.NIGHTLY, p.outcome());
        assertTrue(p.message().orElseThrow().startsWith("\n    The VectorChord extension version is 0.0.0, which means it is a nightly release."));
        assertTrue(p.message().orElseThrow().contains("Please run 'DROP EXTENSION IF EXISTS vchord' and switch to a release version."));
    }

    @Test
    void updatePathDoesNotRangeCheckInstalled() {
        // installed 0.2.0 is below the range, but available 0.4.3 is newer: Immich updates instead of failing.
        StartupPrediction p = predict("v1.135.0", ext("vchord", "0.4.3", "0.2.0"));
        assertEquals(Outcome.UPDATE, p.outcome());
        assertEquals("ALTER EXTENSION vchord UPDATE TO '0.4.3'", p.statement().orElseThrow());
    }

    @Test
    void installedOutOfRangeAndDowngrade() {
        // Available in range, installed newer and out of range: out of range wins over downgrade (step 6 before 7).
        StartupPrediction out = predict("v1.134.0", ext("vchord", "0.3.0", "0.4.2"));
        assertEquals(Outcome.OUT_OF_RANGE, out.outcome());
        assertEquals("0.4.2", out.version().orElseThrow());

        StartupPrediction down = predict("v1.135.0", ext("vchord", "0.4.1", "0.4.2"));
        assertEquals(Outcome.DOWNGRADE, down.outcome());
        assertEquals("The database currently has VectorChord 0.4.2 activated, but the Postgres instance only has 0.4.1 available.\n"
                + "    This most likely means the extension was downgraded.\n"
                + "    If VectorChord 0.4.2 is compatible with Immich, please ensure the Postgres instance has this available.",
                down.message().orElseThrow());
    }

    @Test
    void okAndOverride() {
        StartupPrediction ok = predict("v2.5.0", ext("vchord", "1.1.1", "1.1.1", "vector", "0.8.1", "0.8.1"));
        assertEquals(Outcome.OK, ok.outcome());
        assertEquals(List.of(), ok.drops());

        StartupPrediction pinned = StartupPredictor.predict(k.release("v1.135.0").orElseThrow(), "v1.135.0", "16.4",
                ext("vchord", "0.4.3", "0.4.3", "vector", "0.8.0", "0.8.0"), "pgvector");
        assertEquals("vector", pinned.extension().orElseThrow());
        assertEquals(List.of("vchord"), pinned.drops(), "immich#18462: pinned pgvector makes Immich drop vchord");

        StartupPrediction missing = StartupPredictor.predict(k.release("v1.135.0").orElseThrow(), "v1.135.0", "16.4",
                ext("vchord", "0.4.3", null), "pgvecto.rs");
        assertEquals(Outcome.NOT_AVAILABLE, missing.outcome());
        assertEquals("The pgvecto.rs extension is not available in this Postgres instance.\n"
                + "    If using a container image, ensure the image has the extension installed.", missing.message().orElseThrow());

        assertEquals(Outcome.UNSUPPORTED, StartupPredictor.predict(k.release("v3.0.0").orElseThrow(), "v3.0.0", "16.4",
                ext("vectors", "0.2.0", "0.2.0"), "pgvecto.rs").outcome());
    }
}
