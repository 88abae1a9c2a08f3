package dbmedic.core.postgres.hba;

import static dbmedic.core.postgres.hba.Hba.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.conf.MemoryServerFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records, comments, continuation, quoting, lists and @files (postgres.md 1.1, 1.8). */
class HbaFileFormatTest {

    @Test
    void recordsCommentsAndBlankLines() {
        HbaFile f = Hba.load(15, """
                # TYPE  DATABASE        USER            ADDRESS                 METHOD

                local   all             all                                     trust   # socket
                host\tall\tall\t127.0.0.1/32\tscram-sha-256
                host    all             all             ::1/128                 scram-sha-256
                """);
        assertTrue(f.loadable());
        assertEquals(3, f.rules().size());
        assertEquals(List.of(3, 4, 5), f.rules().stream().map(HbaRule::line).toList());
        assertEquals(ConnectionType.LOCAL, f.rules().get(0).type());
        assertNull(f.rules().get(0).address());
        assertEquals("trust", f.rules().get(0).authMethod());
    }

    @Test
    void backslashContinuesEvenInsideCommentsAndQuotes() {
        HbaFile f = Hba.load(16, "host all all \\\n  10.0.0.0/8 md5\n"
                + "# a comment \\\nhost all all 0.0.0.0/0 reject\n"
                + "host \"my\\\ndb\" all all trust\n"
                + "host all all ::/0 trust\n");
        assertTrue(f.loadable(), f.problems().toString());
        // Line 3 was swallowed by the comment on line 3 (continued), so only three rules.
        assertEquals(3, f.rules().size());
        assertEquals(1, f.rules().get(0).line());
        assertEquals("host all all   10.0.0.0/8 md5", f.rules().get(0).rawLine());
        assertEquals(5, f.rules().get(1).line());
        assertEquals("mydb", f.rules().get(1).databases().get(0).text());
        assertEquals(7, f.rules().get(2).line());
    }

    @Test
    void backslashNotAtEndOfLineIsOrdinary() {
        HbaFile f = Hba.load(15, "host d\\b all all trust\n");
        assertEquals("d\\b", f.rules().get(0).databases().get(0).text());
    }

    @Test
    void quotedWordsKeepSpacesCommasAndLoseKeywordMeaning() {
        HbaFile f = Hba.load(16, "host \"all\",\"my db\",\"a,b\",\"x\"\"y\" \"+grp\" \"all\" trust\n");
        HbaRule r = f.rules().get(0);
        assertEquals(List.of(new HbaToken("all", true), new HbaToken("my db", true), new HbaToken("a,b", true),
                new HbaToken("x\"y", true)), r.databases());
        assertEquals(new HbaToken("+grp", true), r.users().get(0));
        // The quoted address "all" is a host name, not the keyword.
        assertEquals(new HbaAddress.HostName("all"), r.address());
    }

    @Test
    void commaListsAndHashInsideQuotes() {
        HbaFile f = Hba.load(15, "host immich,postgres immich,\"we#ird\" 10.0.0.0/8 md5 # end\n");
        HbaRule r = f.rules().get(0);
        assertEquals(List.of("immich", "postgres"), r.databases().stream().map(HbaToken::text).toList());
        assertEquals(List.of("immich", "we#ird"), r.users().stream().map(HbaToken::text).toList());
    }

    @Test
    void addressForms() {
        HbaFile f = Hba.load(16, """
                host all all 172.20.143.0/24 md5
                host all all 172.20.143.0 255.255.255.0 md5
                host all all all md5
                host all all samehost md5
                host all all samenet md5
                host all all db.example.com md5
                host all all .example.com md5
                host all all fe80::7a31:c1ff:0000:0000/96 md5
                host all all ::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff md5
                """);
        assertTrue(f.loadable(), f.problems().toString());
        List<HbaAddress> a = f.rules().stream().map(HbaRule::address).toList();
        assertEquals(new HbaAddress.Range(IpAddress.parse("172.20.143.0"), IpAddress.parse("255.255.255.0")), a.get(0));
        assertEquals(a.get(0), a.get(1));
        assertEquals(new HbaAddress.Any(), a.get(2));
        assertEquals(new HbaAddress.SameHost(), a.get(3));
        assertEquals(new HbaAddress.SameNet(), a.get(4));
        assertEquals(new HbaAddress.HostName("db.example.com"), a.get(5));
        assertTrue(((HbaAddress.HostName) a.get(6)).isSuffix());
        assertEquals(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff::"), ((HbaAddress.Range) a.get(7)).mask());
    }

    @Test
    void authOptionsAreNameValuePairs() {
        HbaFile f = Hba.load(16, """
                hostssl all all all cert clientcert=verify-full map=certmap
                local all postgres ident map=omicron
                host all all all ldap ldapserver=ldap.example.net ldapprefix="cn=" ldapsuffix=", dc=example, dc=net"
                """);
        assertTrue(f.loadable(), f.problems().toString());
        assertEquals("verify-full", f.rules().get(0).options().get("clientcert"));
        // ident on a socket is turned into peer by the server.
        assertEquals("peer", f.rules().get(1).authMethod());
        assertEquals(", dc=example, dc=net", f.rules().get(2).options().get("ldapsuffix"));
        assertEquals("cn=", f.rules().get(2).options().get("ldapprefix"));
    }

    @Test
    void atFileListsAreRelativeNestedAndCommaOrSpaceSeparated() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "host @lists/dbs.txt @/etc/pg/users.txt all md5\n")
                .file(Hba.DIR + "/lists/dbs.txt", "# databases\nimmich, photos\n@more.txt  # nested, relative to lists/\n")
                .file(Hba.DIR + "/lists/more.txt", "\"all\" extra\\\n2\n")
                .file("/etc/pg/users.txt", "alice bob,carol\n");
        HbaFile f = Hba.load(HbaOptions.docker(15), files);
        assertTrue(f.loadable(), f.problems().toString());
        HbaRule r = f.rules().get(0);
        assertEquals(List.of(new HbaToken("immich", false), new HbaToken("photos", false),
                new HbaToken("all", true), new HbaToken("extra2", false)), r.databases());
        assertEquals(List.of("alice", "bob", "carol"), r.users().stream().map(HbaToken::text).toList());
    }

    @Test
    void atFileMissingIsAnErrorWithVersionWording() {
        String text = "host @nope.txt all all md5\n";
        HbaFile f15 = Hba.load(15, text);
        HbaFile f16 = Hba.load(16, text);
        assertEquals("could not open secondary authentication file \"@nope.txt\" as \"" + Hba.DIR
                + "/nope.txt\": No such file or directory", f15.errors().get(0).message());
        assertEquals("could not open file \"" + Hba.DIR + "/nope.txt\": No such file or directory",
                f16.errors().get(0).message());
        assertTrue(!f15.loadable() && !f16.loadable());
    }

    @Test
    void aLoneAtSignIsAName() {
        HbaFile f = Hba.load(15, "host @ all all md5\n");
        assertEquals("@", f.rules().get(0).databases().get(0).text());
    }

    @Test
    void atFileThatIncludesItselfStopsAtTheDepthLimit() {
        MemoryServerFiles files = new MemoryServerFiles()
                .file(PATH, "host @loop.txt all all md5\n")
                .file(Hba.DIR + "/loop.txt", "a @loop.txt\n");
        HbaFile f = Hba.load(HbaOptions.docker(16), files);
        assertTrue(f.errors().get(0).message().endsWith("maximum nesting depth exceeded"));
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        HbaFile f = Hba.load(16, "host all all all md5\r\nlocal all all trust\r\n");
        assertTrue(f.loadable());
        assertEquals(2, f.rules().size());
        assertEquals("md5", f.rules().get(0).authMethod());
    }
}
