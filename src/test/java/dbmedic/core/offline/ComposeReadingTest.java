package dbmedic.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** .env rules, ${VAR} substitution, command splitting, DB_URL and image tags. */
class ComposeReadingTest {

    @Test
    void dotEnvFollowsComposeRules() {
        DotEnv e = DotEnv.parse("""
                # comment
                export A=1
                B = spaced value   # inline comment
                C='single $A # not a comment'
                D="double $A\\n${B}"
                E=x#y
                F=
                G
                H=${MISSING:-fallback}
                I="multi
                line"
                J=after
                """);
        Map<String, String> v = e.values();
        assertEquals("1", v.get("A"));
        assertEquals("spaced value", v.get("B"));
        assertEquals("single $A # not a comment", v.get("C"));
        assertEquals("double 1\nspaced value", v.get("D"));
        assertEquals("x#y", v.get("E"));
        assertEquals("", v.get("F"));
        assertFalse(v.containsKey("G"));
        assertEquals("fallback", v.get("H"));
        assertEquals("multi\nline", v.get("I"));
        assertEquals("after", v.get("J"));
        assertTrue(e.problems().isEmpty(), e.problems().toString());

        DotEnv bad = DotEnv.parse("OK=1\nBAD KEY=2\n");
        assertEquals(List.of("line 2: unexpected character \" \" in variable name"), bad.problems());
        assertEquals("1", bad.values().get("OK"));
    }

    @Test
    void interpolationLikeCompose() {
        Map<String, String> vars = Map.of("SET", "v", "EMPTY", "");
        assertEquals("v-v", Interpolation.apply("$SET-${SET}", vars).text());
        assertEquals("$SET", Interpolation.apply("$$SET", vars).text());
        assertEquals("d", Interpolation.apply("${EMPTY:-d}", vars).text());
        assertEquals("", Interpolation.apply("${EMPTY-d}", vars).text());
        assertEquals("d", Interpolation.apply("${NOPE-d}", vars).text());
        assertEquals("inner-v", Interpolation.apply("${NOPE:-inner-${SET}}", vars).text());
        assertEquals("alt", Interpolation.apply("${SET:+alt}", vars).text());
        Interpolation.Result r = Interpolation.apply("${NOPE}:/data ${REQ:?set it}", vars);
        assertEquals(":/data ", r.text());
        assertEquals(List.of("The \"NOPE\" variable is not set. Defaulting to a blank string.",
                "required variable REQ is missing a value: set it"), r.notes());
    }

    @Test
    void shellWords() {
        assertEquals(List.of("postgres", "-c", "shared_preload_libraries=vectors.so", "-c",
                        "search_path=\"$user\", public, vectors"),
                ShellWords.split("postgres -c shared_preload_libraries=vectors.so -c 'search_path=\"$user\", public, vectors'"));
        assertEquals(List.of("a b", "c\"d"), ShellWords.split("\"a b\" c\\\"d"));
    }

    @Test
    void dbUrlIsRedacted() {
        DbUrl u = DbUrl.parse("postgresql://immich:p%40ss:w@rd@db.lan:5433/immich?sslmode=require&sslmode=no-verify");
        assertEquals("immich", u.user());
        assertTrue(u.hasPassword());
        assertEquals("db.lan", u.host());
        assertEquals(5433, u.port());
        assertEquals("immich", u.database());
        assertEquals("no-verify", u.sslmode());
        assertEquals("postgresql://immich:****@db.lan:5433/immich?sslmode=require&sslmode=no-verify", u.redacted());
        assertFalse(u.toString().contains("ss:w"));
    }

    @Test
    void imageTags() {
        DatabaseImage a = DatabaseImage.parse("ghcr.io/immich-app/postgres:16-vectorchord0.4.3-pgvectors0.3.0@sha256:abc");
        assertEquals(Optional.of(16), a.postgres());
        assertEquals(Optional.of("0.4.3"), a.vectorchord());
        assertEquals(Optional.of("0.3.0"), a.pgvectors());
        assertEquals(Optional.empty(), a.pgvector());
        assertEquals(List.of("vchord", "vectors", "vector"), a.extensions());

        DatabaseImage b = DatabaseImage.parse("ghcr.io/immich-app/postgres:18-vectorchord1.1.1-pgvector0.8.5");
        assertEquals(Optional.empty(), b.pgvectors());
        assertEquals(Optional.of("0.8.5"), b.pgvector());

        DatabaseImage c = DatabaseImage.parse("tensorchord/pgvecto-rs:pg14-v0.2.0");
        assertEquals(Optional.of(14), c.postgres());
        assertEquals(List.of("vectors"), c.extensions());

        DatabaseImage d = DatabaseImage.parse("ghcr.io/tensorchord/cloudnative-vectorchord:16.9-0.4.3");
        assertEquals(Optional.of(16), d.postgres());
        assertEquals(Optional.of("0.4.3"), d.vectorchord());

        DatabaseImage e = DatabaseImage.parse("docker.io/library/postgres:16-alpine");
        assertEquals(Optional.of(16), e.postgres());
        assertTrue(e.extensions().isEmpty());
        assertTrue(DatabaseImage.looksLikePostgres("postgres:16"));
        assertFalse(DatabaseImage.looksLikePostgres("ghcr.io/immich-app/immich-server:release"));

        DatabaseImage digestOnly = DatabaseImage.parse("ghcr.io/immich-app/postgres@sha256:abc");
        assertFalse(digestOnly.known());
        DatabaseImage registryPort = DatabaseImage.parse("registry.lan:5000/immich-app/postgres:15-vectorchord0.3.0");
        assertEquals(Optional.of(15), registryPort.postgres());
    }
}
