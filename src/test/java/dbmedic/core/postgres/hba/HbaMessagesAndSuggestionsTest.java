package dbmedic.core.postgres.hba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Server texts (postgres.md 8) and the lines to add (postgres.md 1.10, immich.md 7 #19). */
class HbaMessagesAndSuggestionsTest {

    /** A pg_upgrade'd / plain initdb pg_hba.conf: no line for container clients. */
    private static final String INITDB_HBA = """
            # "local" is for Unix domain socket connections only
            local   all             all                                     trust
            # IPv4 local connections:
            host    all             all             127.0.0.1/32            trust
            # IPv6 local connections:
            host    all             all             ::1/128                 trust
            # Allow replication connections from localhost, by a user with the
            # replication privilege.
            local   replication     all                                     trust
            host    replication     all             127.0.0.1/32            trust
            host    replication     all             ::1/128                 trust
            """;

    @Test
    void immichAfterPgUpgradeGetsTheExactServerMessage() {
        HbaFile f = Hba.load(15, INITDB_HBA);
        MatchResult r = Hba.match(f, Hba.tcp("172.16.2.5", "immich", "immich"));
        assertEquals("no pg_hba.conf entry for host \"172.16.2.5\", user \"immich\", database \"immich\", no encryption",
                r.noEntryMessage().orElseThrow());
    }

    @Test
    void noEntryComesWithTheLinesToAdd() {
        HbaFile f15 = Hba.load(15, INITDB_HBA);
        MatchResult r = Hba.match(f15, Hba.tcp("172.18.0.5", "immich", "immich"));
        assertEquals(java.util.List.of("host all all all scram-sha-256", "host immich immich 172.18.0.0/16 scram-sha-256"),
                r.suggestedLines());
        assertEquals(java.util.List.of("host all all all md5", "host immich immich 172.18.0.0/16 md5"),
                r.suggestedLines("md5"));
        HbaFile onlyHost = Hba.load(16, "host all all all md5\n");
        assertEquals(java.util.List.of("local immich immich scram-sha-256"),
                Hba.match(onlyHost, ConnectionRequest.local("immich", "immich")).suggestedLines());
        assertTrue(Hba.match(onlyHost, Hba.tcp("172.18.0.5", "immich", "immich")).suggestedLines().isEmpty());
    }

    @Test
    void encryptionWording() {
        ConnectionRequest r = Hba.tcp("10.0.0.1", "appdb", "ghost");
        assertEquals("no encryption", HbaMessages.encryptionState(r));
        assertEquals("SSL encryption", HbaMessages.encryptionState(r.withSsl(true)));
        assertEquals("GSS encryption", HbaMessages.encryptionState(r.withGssEncryption(true)));
        assertEquals("no pg_hba.conf entry for host \"10.0.0.1\", user \"ghost\", database \"appdb\", SSL encryption",
                HbaMessages.noEntry(r.withSsl(true)));
        assertEquals("no pg_hba.conf entry for host \"[local]\", user \"ghost\", database \"appdb\", no encryption",
                HbaMessages.noEntry(ConnectionRequest.local("appdb", "ghost")));
        assertEquals("no pg_hba.conf entry for host \"::ffff:10.0.0.1\", user \"u\", database \"d\", no encryption",
                HbaMessages.noEntry(Hba.tcp("::ffff:10.0.0.1", "d", "u")));
    }

    @Test
    void replicationWording() {
        HbaFile f = Hba.load(16, "host all postgres 127.0.0.1/32 trust\n");
        MatchResult r = Hba.match(f, Hba.tcp("127.0.0.1", "", "postgres").withReplication(Replication.PHYSICAL));
        assertEquals("no pg_hba.conf entry for replication connection from host \"127.0.0.1\", user \"postgres\", "
                + "no encryption", r.noEntryMessage().orElseThrow());
    }

    @Test
    void matchedRuleDetailPerVersion() {
        HbaFile f15 = Hba.load(15, "local all all trust\nhost all all all   scram-sha-256\n");
        HbaRule r15 = Hba.match(f15, Hba.tcp("10.0.0.1", "d", "u")).rule().orElseThrow();
        assertEquals("Connection matched pg_hba.conf line 2: \"host all all all   scram-sha-256\"",
                HbaMessages.matchedRuleDetail(r15, 15));
        HbaFile f16 = Hba.load(16, "host all all all scram-sha-256\n");
        HbaRule r16 = Hba.match(f16, Hba.tcp("10.0.0.1", "d", "u")).rule().orElseThrow();
        assertEquals("Connection matched file \"" + Hba.PATH + "\" line 1: \"host all all all scram-sha-256\"",
                HbaMessages.matchedRuleDetail(r16, 16));
        assertEquals("password authentication failed for user \"immich\"", HbaMessages.passwordFailed("immich"));
    }

    @Test
    void dockerDefaultLine() {
        assertEquals("scram-sha-256", HbaSuggestions.dockerMethod(14, null, null));
        assertEquals("md5", HbaSuggestions.dockerMethod(13, null, null));
        assertEquals("md5", HbaSuggestions.dockerMethod(16, null, "md5"));
        assertEquals("md5", HbaSuggestions.dockerMethod(12, null, "on"));
        assertEquals("trust", HbaSuggestions.dockerMethod(16, "trust", "scram-sha-256"));
        assertEquals("host all all all scram-sha-256", HbaSuggestions.dockerDefaultLine("scram-sha-256"));
    }

    @Test
    void narrowLineForTheClientsSubnet() {
        ConnectionRequest immich = Hba.tcp("172.18.0.5", "immich", "immich");
        assertEquals("host immich immich 172.18.0.0/16 scram-sha-256",
                HbaSuggestions.narrowLine(immich, "scram-sha-256", 16));
        assertEquals("host immich immich 192.168.1.0/24 md5",
                HbaSuggestions.narrowLine(Hba.tcp("192.168.1.40", "immich", "immich"), "md5", 16));
        assertEquals("host immich immich 172.18.0.0/20 md5", HbaSuggestions.narrowLine(immich, 20, "md5", 16));
        assertEquals("host \"all\" \"my user\" 2001:db8:1::/64 md5",
                HbaSuggestions.narrowLine(Hba.tcp("2001:db8:1:0::9", "all", "my user"), "md5", 16));
        assertEquals("hostssl immich immich 172.18.0.0/16 md5",
                HbaSuggestions.narrowLine(immich.withSsl(true), "md5", 16));
        assertEquals("host replication replicator 172.18.0.0/16 md5", HbaSuggestions.narrowLine(
                Hba.tcp("172.18.0.5", "", "replicator").withReplication(Replication.PHYSICAL), "md5", 16));
        assertEquals("local immich immich scram-sha-256",
                HbaSuggestions.narrowLine(ConnectionRequest.local("immich", "immich"), "scram-sha-256", 16));
    }

    @Test
    void suggestedLinesAppendedToTheFileMakeTheConnectionMatch() {
        ConnectionRequest immich = Hba.tcp("172.18.0.5", "immich", "immich");
        for (String line : new String[] {HbaSuggestions.dockerDefaultLine("scram-sha-256"),
                HbaSuggestions.narrowLine(immich, "scram-sha-256", 15)}) {
            HbaFile fixed = Hba.load(15, INITDB_HBA + line + "\n");
            assertTrue(fixed.loadable());
            MatchResult r = Hba.match(fixed, immich);
            assertEquals(line, r.rule().orElseThrow().rawLine());
        }
        // Quoted names round-trip through the parser too.
        ConnectionRequest odd = Hba.tcp("10.1.2.3", "all", "+x");
        HbaFile fixed = Hba.load(16, INITDB_HBA + HbaSuggestions.narrowLine(odd, "md5", 16) + "\n");
        assertTrue(Hba.match(fixed, odd).matched());
        assertTrue(!Hba.match(fixed, Hba.tcp("10.1.2.3", "other", "+x")).matched());
    }

    @Test
    void namesStartingWithASlashBecomeAnchoredRegexesFrom16() {
        ConnectionRequest slash = Hba.tcp("10.1.2.3", "/srv/db", "u");
        String line16 = HbaSuggestions.narrowLine(slash, "md5", 16);
        assertEquals("host \"/^\\/srv\\/db$\" u 10.1.0.0/16 md5", line16);
        HbaFile f16 = Hba.load(16, line16 + "\n");
        assertTrue(f16.loadable(), f16.problems().toString());
        assertTrue(Hba.match(f16, slash).matched());
        assertTrue(!Hba.match(f16, Hba.tcp("10.1.2.3", "/srv/dbx", "u")).matched());
        String line15 = HbaSuggestions.narrowLine(slash, "md5", 15);
        assertEquals("host /srv/db u 10.1.0.0/16 md5", line15);
        assertTrue(Hba.match(Hba.load(15, line15 + "\n"), slash).matched());
    }
}
