package dbmedic.core.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImmichKnowledgeTest {
    private final ImmichKnowledge knowledge = ImmichKnowledge.load();

    private ImmichRelease at(String version) {
        return knowledge.release(version).orElseThrow(() -> new AssertionError("no release for " + version));
    }

    private boolean vchordAccepted(String immich, String vchord) {
        return at(immich).vectorchord().orElseThrow().contains(vchord);
    }

    @Test
    void vectorChordBoundariesOfV133ToV134() {
        assertTrue(vchordAccepted("v1.133.0", "0.3.0"));
        assertFalse(vchordAccepted("v1.133.0", "0.4.0"));
        assertTrue(vchordAccepted("1.134.0", "0.3.0"));
        assertFalse(vchordAccepted("1.134.0", "0.4.0"));
        assertFalse(vchordAccepted("v1.134.0", "0.2.9"));
        assertEquals(">=0.3 <0.4", at("v1.134.0").vectorchord().get().text());
    }

    @Test
    void vectorChordBoundariesFromV135() {
        assertTrue(vchordAccepted("v1.135.0", "0.4.3"));
        assertFalse(vchordAccepted("v1.135.0", "0.5.0"));
        assertTrue(vchordAccepted("v2.0.1", "0.4.3"));
        assertFalse(vchordAccepted("v2.0.1", "0.5.0"));
        // 0.5.x from v2.1.0 (PR #21602), not 1.0
        assertTrue(vchordAccepted("v2.1.0", "0.5.3"));
        assertFalse(vchordAccepted("v2.1.0", "0.6.0"));
        assertFalse(vchordAccepted("v2.4.1", "1.0.0"));
        // 1.x from v2.5.0 (PR #23845)
        assertTrue(vchordAccepted("v2.5.0", "1.1.1"));
        assertFalse(vchordAccepted("v2.5.0", "2.0.0"));
        assertTrue(vchordAccepted("v3.1.0", "1.1.1"));
    }

    @Test
    void pgvectorsRemovedInV3() {
        assertTrue(at("v2.7.5").pgvectors().isPresent());
        assertTrue(at("v2.7.5").pgvectors().get().contains("0.2.0"));
        assertFalse(at("v2.7.5").pgvectors().get().contains("0.4.0"));
        assertTrue(at("v3.0.0").pgvectors().isEmpty());
        assertFalse(at("v3.0.0").supports("vectors"));
        assertEquals(List.of("vchord", "vector"), at("v3.0.0").extensionPreference());
        assertEquals(List.of("vchord", "vectors", "vector"), at("v2.7.5").extensionPreference());
        assertTrue(at("v1.132.3").vectorchord().isEmpty());
    }

    @Test
    void pgvectorRangeIsBelowOne() {
        assertTrue(at("v2.0.0").pgvector().contains("0.8.0"));
        assertFalse(at("v2.0.0").pgvector().contains("0.4.2"));
        assertTrue(at("v2.0.0").pgvector().contains("0.5.0"));
        assertFalse(at("v2.0.0").pgvector().contains("1.0.0"));
    }

    @Test
    void releaseLookupAcceptsBothSpellingsAndGaps() {
        assertEquals("v1.135.0", at("v1.135.0").from());
        assertEquals("v1.135.0", at("1.135.2").from());
        assertEquals("v1.133.0", at("v1.133.1").from());
        assertEquals("v2.5.0", at("v2.6.3").from());
        assertEquals("v3.0.0", at("v3.1.4").from());
        assertTrue(knowledge.release("v1.112.0").isEmpty());
        assertTrue(knowledge.release("v3.2.0").isEmpty());
        assertTrue(knowledge.release("not a version").isEmpty());
        assertEquals("v3.1.0", knowledge.newest().to());
    }

    @Test
    void postgresRangeUsesCoercedServerVersion() {
        VersionRange pg = at("v2.0.0").postgres();
        assertTrue(pg.contains("15.4 (Debian 15.4-1.pgdg120+1)"));
        assertTrue(pg.contains("14.0"));
        assertFalse(pg.contains("13.14 (Debian 13.14-1.pgdg120+2)"));
        assertTrue(pg.contains("17.6"));
    }

    @Test
    void coerceMatchesNodeSemver() {
        assertEquals("0.4.3", SemVer.coerce("0.4.3").orElseThrow().toString());
        assertEquals("1.0.0", SemVer.coerce("1.0.0-rc1").orElseThrow().toString());
        assertEquals("15.4.0", SemVer.coerce("15.4 (Debian 15.4-1.pgdg120+1)").orElseThrow().toString());
        assertEquals("16.0.0", SemVer.coerce("16").orElseThrow().toString());
        assertEquals("1.135.0", SemVer.coerce("v1.135.0").orElseThrow().toString());
        assertTrue(SemVer.coerce("none").isEmpty());
        assertTrue(SemVer.coerce(null).isEmpty());
    }

    @Test
    void rangeSemantics() {
        VersionRange r = new VersionRange(">=0.3 <0.5");
        assertTrue(r.contains("0.3.0"));
        assertTrue(r.contains("0.4.3"));
        assertTrue(r.contains("0.4.99"));
        assertFalse(r.contains("0.5.0"));
        assertFalse(r.contains("0.2.9"));
        // pre-release tags are dropped by coerce before testing
        assertTrue(new VersionRange(">=0.3 <2").contains("1.0.0-rc1"));
        assertTrue(new VersionRange("<0.3 || >=1").contains("1.2.0"));
        assertFalse(new VersionRange("<0.3 || >=1").contains("0.5.0"));
        assertFalse(r.contains(""));
    }
}
