package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.UnusableInputException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {

    @Test
    void immichDocumentedFormWithSslRequire() throws Exception {
        PostgresTarget t = PostgresTarget.parse("postgresql://immich:s3cret@db.example.org:5433/immich?sslmode=require");
        assertEquals("db.example.org", t.host());
        assertEquals(5433, t.port());
        assertEquals("immich", t.database());
        assertEquals("immich", t.user());
        assertEquals("require", t.sslmode());
        assertTrue(t.hasUrlPassword());
        assertFalse(t.displayName().contains("s3cret"));
        assertFalse(t.toString().contains("s3cret"));
        assertEquals("postgresql://immich@db.example.org:5433/immich?sslmode=require", t.displayName());
        assertArrayEquals("s3cret".toCharArray(), t.takeUrlPassword().orElseThrow());
        assertTrue(t.takeUrlPassword().isEmpty(), "the URL password is a one-shot credential");
    }

    @Test
    void passwordIsNotPartOfEquality() throws Exception {
        assertEquals(PostgresTarget.parse("postgresql://u:one@h/db"), PostgresTarget.parse("postgresql://u:two@h/db"));
    }

    @Test
    void libpqCompatAndNoVerifyMapToNonValidatingSsl() throws Exception {
        Properties compat = new Properties();
        PgConnector.sslProperties(PostgresTarget.parse("postgresql://u@h/db?sslmode=require&uselibpqcompat=true"), compat);
        assertEquals("require", compat.getProperty("sslmode"));
        assertEquals("org.postgresql.ssl.NonValidatingFactory", compat.getProperty("sslfactory"));

        // postgres-standalone.md's older form: the later sslmode wins.
        PostgresTarget noVerify = PostgresTarget.parse("postgresql://u@h/db?sslmode=require&sslmode=no-verify");
        assertEquals("no-verify", noVerify.sslmode());
        Properties nv = new Properties();
        PgConnector.sslProperties(noVerify, nv);
        assertEquals("require", nv.getProperty("sslmode"));
        assertEquals("org.postgresql.ssl.NonValidatingFactory", nv.getProperty("sslfactory"));

        Properties full = new Properties();
        PgConnector.sslProperties(PostgresTarget.parse("postgresql://u@h/db?sslmode=verify-full"), full);
        assertEquals("verify-full", full.getProperty("sslmode"));
        assertEquals(null, full.getProperty("sslfactory"));

        Properties plain = new Properties();
        PgConnector.sslProperties(PostgresTarget.parse("postgresql://u@h/db?sslmode=require"), plain);
        assertEquals(null, plain.getProperty("sslfactory"));
    }

    @Test
    void postgresSchemeIpv6AndDefaults() throws Exception {
        PostgresTarget t = PostgresTarget.parse("postgres://immich@[::1]/immich");
        assertEquals("::1", t.host());
        assertEquals(5432, t.port());
        assertEquals("postgresql://immich@[::1]:5432/immich", t.displayName());
        assertEquals("jdbc:postgresql://[::1]:5432/immich", PgConnector.jdbcUrl(t));

        PostgresTarget port = PostgresTarget.parse("postgresql://immich@[fe80::1]:6543/x");
        assertEquals("fe80::1", port.host());
        assertEquals(6543, port.port());

        PostgresTarget noDb = PostgresTarget.parse("postgresql://immich@database");
        assertEquals("immich", noDb.database(), "libpq: the database defaults to the user name");
        assertEquals(5432, noDb.port());
        assertEquals("prefer", noDb.sslmode());
        assertFalse(noDb.hasUrlPassword());
    }

    @Test
    void percentEncodedUserAndPassword() throws Exception {
        PostgresTarget t = PostgresTarget.parse("postgresql://im%40mich:p%3Aa%2Fss%40w%25rd@host:5432/my%20db");
        assertEquals("im@mich", t.user());
        assertEquals("my db", t.database());
        assertArrayEquals("p:a/ss@w%rd".toCharArray(), t.takeUrlPassword().orElseThrow());
        assertEquals("postgresql://im%40mich@host:5432/my%20db", t.displayName());
    }

    @Test
    void unencodedAtInPasswordSplitsAtTheLastAt() throws Exception {
        PostgresTarget t = PostgresTarget.parse("postgresql://immich:p@ss@host/immich");
        assertEquals("host", t.host());
        assertArrayEquals("p@ss".toCharArray(), t.takeUrlPassword().orElseThrow());
    }

    @Test
    void badUrlsGiveOneLineThatNeverRepeatsThePassword() {
        String[] bad = {
            "mysql://u:topsecret@h/db",
            "postgresql://u:topsecret@h:notaport/db",
            "postgresql://u:top/secret@h/db",          // unencoded '/' shifts the host into the password
            "postgresql://u:topsecret@h:70000/db",
            "postgresql://u:top%zzsecret@h/db",
            "postgresql://u:topsecret@[::1/db",
            "postgresql://u:topsecret@h/db?sslmode=sometimes",
            "",
        };
        for (String url : bad) {
            UnusableInputException e = assertThrows(UnusableInputException.class, () -> PostgresTarget.parse(url), url);
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("Not a usable PostgreSQL URL"), e.getMessage());
        }
    }
}
