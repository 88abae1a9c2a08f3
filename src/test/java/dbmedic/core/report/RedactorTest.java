package dbmedic.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor("/home/alice");

    @Test
    void masksThePasswordOfAUrlButKeepsUserHostAndDatabase() {
        String out = redactor.redact("DB_URL=postgresql://immich:s3cr3t@db:5432/immich?sslmode=require");
        assertEquals("DB_URL=postgresql://immich:***@db:5432/immich?sslmode=require", out);
    }

    @Test
    void masksKeyValueSecretsInAnyCase() {
        String out = redactor.redact("PASSWORD=hunter2 token: abc.def jwt_secret='xyz' api_key=\"k1\" user=bob");
        assertFalse(out.contains("hunter2"));
        assertFalse(out.contains("abc.def"));
        assertFalse(out.contains("xyz"));
        assertFalse(out.contains("k1"));
        assertTrue(out.contains("user=bob"), out);
    }

    @Test
    void masksBearerTokens() {
        assertEquals("Authorization: ***", redactor.redact("Authorization: Bearer eyJhbGciOi.payload.sig"));
        assertEquals("header Bearer ***", redactor.redact("header Bearer eyJhbGciOi.payload.sig"));
    }

    @Test
    void replacesTheHomeFolderBecauseItNamesTheUser() {
        assertEquals("~/invokeai/databases/invokeai.db", redactor.redact("/home/alice/invokeai/databases/invokeai.db"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "ALTER TABLE session_queue ADD COLUMN destination TEXT;";
        assertEquals(text, redactor.redact(text));
    }
}
