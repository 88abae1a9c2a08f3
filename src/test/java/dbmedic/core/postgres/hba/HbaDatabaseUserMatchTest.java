package dbmedic.core.postgres.hba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.conf.MemoryServerFiles;
import org.junit.jupiter.api.Test;

/** Database and user fields (postgres.md 1.3, 1.4). */
class HbaDatabaseUserMatchTest {

    private static boolean matches(int major, String db, String user, ConnectionRequest req) {
        return Hba.match(Hba.load(major, "host " + db + " " + user + " all md5\n"), req).matched();
    }

    private static boolean matches(String db, String user, ConnectionRequest req) {
        return matches(16, db, user, req);
    }

    private static ConnectionRequest req(String db, String user) {
        return Hba.tcp("172.18.0.5", db, user);
    }

    @Test
    void allAndExactNames() {
        assertTrue(matches("all", "all", req("immich", "immich")));
        assertTrue(matches("immich", "immich", req("immich", "immich")));
        assertFalse(matches("immich", "immich", req("Immich", "immich"))); // names are case-sensitive
        assertFalse(matches("immich", "immich", req("immich", "postgres")));
        assertFalse(matches("photos", "all", req("immich", "immich")));
    }

    @Test
    void commaListsMatchAnyMember() {
        assertTrue(matches("photos,immich", "a,immich,b", req("immich", "immich")));
        assertFalse(matches("photos,immich", "a,b", req("immich", "immich")));
    }

    @Test
    void quotedKeywordsAreNames() {
        assertFalse(matches("\"all\"", "all", req("immich", "immich")));
        assertTrue(matches("\"all\"", "all", req("all", "immich")));
        assertFalse(matches("all", "\"all\"", req("immich", "immich")));
        assertTrue(matches("all", "\"all\"", req("immich", "all")));
        assertTrue(matches("\"replication\"", "all", req("replication", "u")));
        assertFalse(matches("\"sameuser\"", "all", req("immich", "immich")));
        // A quoted +name is the literal role "+grp", not a group.
        RoleMemberships roles = RoleMemberships.known().grant("grp", "alice");
        assertFalse(matches("all", "\"+grp\"", req("d", "alice").withRoles(roles)));
        assertTrue(matches("all", "\"+grp\"", req("d", "+grp")));
    }

    @Test
    void sameuser() {
        assertTrue(matches("sameuser", "all", req("immich", "immich")));
        assertFalse(matches("sameuser", "all", req("immich", "postgres")));
    }

    @Test
    void sameroleAndTheObsoleteSamegroup() {
        RoleMemberships roles = RoleMemberships.known().grant("photos", "alice").grant("staff", "bob")
                .grant("photos", "staff").role("carol").role("postgres");
        assertTrue(matches("samerole", "all", req("photos", "alice").withRoles(roles)));
        assertTrue(matches("samegroup", "all", req("photos", "alice").withRoles(roles)));
        assertTrue(matches("samerole", "all", req("photos", "bob").withRoles(roles))); // indirect
        assertFalse(matches("samerole", "all", req("photos", "carol").withRoles(roles)));
        // A role is a member of itself; a superuser is not implicitly a member of anything.
        assertTrue(matches("samerole", "all", req("carol", "carol").withRoles(roles)));
        assertFalse(matches("samerole", "all", req("photos", "postgres").withRoles(roles)));
        // Unknown user or unknown target role: no.
        assertFalse(matches("samerole", "all", req("photos", "ghost").withRoles(roles)));
        assertFalse(matches("samerole", "all", req("nosuchrole", "alice").withRoles(roles)));
    }

    @Test
    void plusGroupDirectAndIndirect() {
        RoleMemberships roles = RoleMemberships.known().grant("app_users", "immich").grant("everyone", "app_users")
                .role("postgres");
        assertTrue(matches("all", "+app_users", req("d", "immich").withRoles(roles)));
        assertTrue(matches("all", "+everyone", req("d", "immich").withRoles(roles)));
        assertTrue(matches("all", "+immich", req("d", "immich").withRoles(roles)));
        assertFalse(matches("all", "+app_users", req("d", "postgres").withRoles(roles)));
        assertFalse(matches("all", "app_users", req("d", "immich").withRoles(roles))); // without + only that role
        assertFalse(matches("all", "+nosuch", req("d", "immich").withRoles(roles)));
    }

    @Test
    void replicationKeywordMatchesOnlyPhysicalReplication() {
        ConnectionRequest physical = req("", "replicator").withReplication(Replication.PHYSICAL);
        ConnectionRequest logical = req("immich", "replicator").withReplication(Replication.LOGICAL);
        assertTrue(matches("replication", "all", physical));
        assertFalse(matches("all", "all", physical)); // "all" does not match replication
        assertFalse(matches("sameuser", "all", req("replicator", "replicator").withReplication(Replication.PHYSICAL)));
        assertFalse(matches("replication", "all", logical));
        assertTrue(matches("immich", "all", logical));
        assertFalse(matches("replication", "all", req("replication", "u")));
        assertTrue(matches("replication,all", "all", req("immich", "u")));
    }

    @Test
    void regexValuesIn16AndLater() {
        for (int major : new int[] {16, 17}) {
            assertTrue(matches(major, "/^imm", "all", req("immich", "u")));
            assertFalse(matches(major, "/^imm", "all", req("photos", "u")));
            assertTrue(matches(major, "/ich", "all", req("immich", "u"))); // a search, not a full match
            assertTrue(matches(major, "all", "/^app_\\d+$", req("d", "app_42")));
            assertFalse(matches(major, "all", "/^app_\\d+$", req("d", "app_x")));
            // Quoted: still a regex; commas allowed inside.
            assertTrue(matches(major, "\"/^db\\d{2,4}$\"", "all", req("db123", "u")));
            assertFalse(matches(major, "\"/^db\\d{2,4}$\"", "all", req("db1", "u")));
            // Mixed in a list with names.
            assertTrue(matches(major, "postgres,/^imm", "all", req("immich", "u")));
        }
    }

    @Test
    void slashValuesAreLiteralNamesBefore16() {
        for (int major : new int[] {14, 15}) {
            assertFalse(matches(major, "/^imm", "all", req("immich", "u")));
            assertTrue(matches(major, "/^imm", "all", req("/^imm", "u")));
            assertFalse(matches(major, "all", "/^app", req("d", "app_1")));
        }
    }

    @Test
    void keywordsAreCheckedBeforeRegexAndNames() {
        // "all" in the list wins whatever follows; a regex that fails does not stop later names.
        assertTrue(matches("/^nomatch$,immich", "all", req("immich", "u")));
        HbaFile bad = Hba.load(16, "host all,/^(bad all all md5\n");
        assertFalse(bad.loadable()); // an invalid regex spoils the line even after "all"
        assertTrue(matches("immich,/^imm", "all", req("immich", "u")));
    }

    @Test
    void atFileNamesMatchLikeInlineNames() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(Hba.PATH, "host @dbs all all md5\n")
                .file(Hba.DIR + "/dbs", "immich\n\"all\"\n");
        HbaFile f = Hba.load(HbaOptions.docker(15), files);
        assertTrue(Hba.match(f, req("immich", "u")).matched());
        assertTrue(Hba.match(f, req("all", "u")).matched());
        assertFalse(Hba.match(f, req("photos", "u")).matched()); // quoted "all" in the file is a name
    }

    @Test
    void localRecords() {
        HbaFile f = Hba.load(16, "local immich immich peer\nlocal all postgres trust\n");
        assertEquals(1, Hba.line(f, ConnectionRequest.local("immich", "immich")));
        assertEquals(2, Hba.line(f, ConnectionRequest.local("immich", "postgres")));
        assertEquals(-1, Hba.line(f, ConnectionRequest.local("photos", "immich")));
    }
}
