package dbmedic.core.postgres.hba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Connection type and client address matching (postgres.md 1.2, 1.5). */
class HbaAddressMatchTest {

    private static boolean matches(String entry, ConnectionRequest req) {
        return Hba.match(Hba.load(16, "host all all " + entry + " md5\n"), req).matched();
    }

    private static boolean matches(String entry, String ip) {
        return matches(entry, Hba.tcp(ip, "immich", "immich"));
    }

    @ParameterizedTest
    @CsvSource({
        "172.20.143.0/24, 172.20.143.0, true",
        "172.20.143.0/24, 172.20.143.255, true",
        "172.20.143.0/24, 172.20.142.255, false",
        "172.20.143.0/24, 172.20.144.0, false",
        "172.20.143.89/32, 172.20.143.89, true",
        "172.20.143.89/32, 172.20.143.88, false",
        "172.16.0.0/12, 172.31.255.255, true",
        "172.16.0.0/12, 172.32.0.0, false",
        "172.16.0.0/12, 172.15.255.255, false",
        // Host bits set in the entry are masked away on both sides, as the server does.
        "172.20.143.89/24, 172.20.143.1, true",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "0.0.0.0/0, ::ffff:10.0.0.1, false",
        "127.0.0.1/32, ::1, false",
        "::0/0, 2001:db8::1, true",
        "::0/0, 10.0.0.1, false",
        "::1/128, ::1, true",
        "::1/128, ::2, false",
        "::1/128, 127.0.0.1, false",
        "::ffff:10.0.0.0/104, ::ffff:10.9.9.9, true",
        "::ffff:10.0.0.0/104, 10.9.9.9, false",
        "fe80::7a31:c1ff:0000:0000/96, fe80::7a31:c1ff:1:2, true",
        "fe80::7a31:c1ff:0000:0000/96, fe80::7a31:c1fe:1:2, false",
        "all, 10.0.0.1, true",
        "all, 2001:db8::1, true",
    })
    void cidr(String entry, String ip, boolean expected) {
        assertEquals(expected, matches(entry, ip));
    }

    @ParameterizedTest
    @CsvSource({
        "10.6.0.0 255.255.0.0, 10.6.200.1, true",
        "10.6.0.0 255.255.0.0, 10.7.0.1, false",
        "10.0.0.0 255.0.0.0, 10.255.255.255, true",
        "192.168.1.7 255.255.255.255, 192.168.1.7, true",
        "192.168.1.7 255.255.255.255, 192.168.1.8, false",
        "::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ::1, true",
        "::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 127.0.0.1, false",
    })
    void addressAndMaskColumns(String entry, String ip, boolean expected) {
        assertEquals(expected, matches(entry, ip));
    }

    @Test
    void hostRecordsNeverMatchSocketsAndLocalNeverMatchesTcp() {
        HbaFile f = Hba.load(16, "host all all all md5\nlocal all all peer\n");
        assertEquals(2, Hba.line(f, ConnectionRequest.local("immich", "immich")));
        assertEquals(1, Hba.line(f, Hba.tcp("127.0.0.1", "immich", "immich")));
        HbaFile onlyLocal = Hba.load(16, "local all all trust\n");
        assertFalse(Hba.match(onlyLocal, Hba.tcp("127.0.0.1", "immich", "immich")).matched());
    }

    @Test
    void sslAndGssVariantsFollowTheConnectionsEncryption() {
        HbaFile f = Hba.load(HbaOptions.docker(16).withSsl(true), new dbmedic.core.postgres.conf.MemoryServerFiles()
                .file(Hba.PATH, "hostnossl all all all reject\nhostssl all all all scram-sha-256\n"
                        + "hostgssenc all all all gss\nhostnogssenc all all all md5\n"));
        ConnectionRequest plain = Hba.tcp("10.0.0.1", "d", "u");
        assertEquals(1, Hba.line(f, plain));
        assertEquals(2, Hba.line(f, plain.withSsl(true)));
        // GSS-encrypted without SSL is still "no SSL", so the hostnossl line comes first.
        assertEquals(1, Hba.line(f, plain.withGssEncryption(true)));
        HbaFile g = Hba.load(16, "hostgssenc all all all gss\nhostnogssenc all all all md5\n");
        assertEquals(1, Hba.line(g, plain.withGssEncryption(true)));
        assertEquals(2, Hba.line(g, plain));
        HbaFile h = Hba.load(16, "hostnossl all all all md5\n");
        assertEquals(-1, Hba.line(h, plain.withSsl(true)));
        assertEquals(1, Hba.line(h, plain));
    }

    @Test
    void samehostAndSamenetUseTheServersInterfaces() {
        List<ServerInterface> ifs = List.of(ServerInterface.parse("172.18.0.2/16"), ServerInterface.parse("fd00::2/64"),
                ServerInterface.parse("127.0.0.1/8"));
        ConnectionRequest self = Hba.tcp("172.18.0.2", "d", "u").withServerInterfaces(ifs);
        ConnectionRequest neighbour = Hba.tcp("172.18.5.9", "d", "u").withServerInterfaces(ifs);
        ConnectionRequest stranger = Hba.tcp("172.19.0.1", "d", "u").withServerInterfaces(ifs);
        ConnectionRequest v6 = Hba.tcp("fd00::77", "d", "u").withServerInterfaces(ifs);
        ConnectionRequest loop = Hba.tcp("127.0.0.1", "d", "u").withServerInterfaces(ifs);
        assertTrue(matches("samehost", self));
        assertTrue(matches("samehost", loop));
        assertFalse(matches("samehost", neighbour));
        assertTrue(matches("samenet", self));
        assertTrue(matches("samenet", neighbour));
        assertTrue(matches("samenet", v6));
        assertFalse(matches("samenet", stranger));
        assertFalse(matches("samehost", Hba.tcp("172.18.0.2", "d", "u"))); // no interfaces known
    }

    /** A resolver with fixed answers. */
    private static HostResolver resolver(Map<String, String> reverse, Map<String, List<String>> forward) {
        return new HostResolver() {
            @Override
            public Optional<String> reverse(IpAddress client) {
                return Optional.ofNullable(reverse.get(client.toString()));
            }

            @Override
            public List<IpAddress> forward(String hostName) {
                return forward.getOrDefault(hostName, List.of()).stream().map(IpAddress::parse).toList();
            }
        };
    }

    @Test
    void hostNameNeedsReverseAndConfirmingForwardLookup() {
        HostResolver dns = resolver(
                Map.of("10.0.0.5", "app.example.com", "10.0.0.6", "spoof.example.com", "10.0.0.7", "example.com",
                        "10.0.0.8", "gone.example.com"),
                Map.of("app.example.com", List.of("10.0.0.9", "10.0.0.5"), "spoof.example.com", List.of("10.0.0.99"),
                        "example.com", List.of("10.0.0.7")));
        ConnectionRequest app = Hba.tcp("10.0.0.5", "d", "u").withResolver(dns);
        ConnectionRequest spoof = Hba.tcp("10.0.0.6", "d", "u").withResolver(dns);
        ConnectionRequest apex = Hba.tcp("10.0.0.7", "d", "u").withResolver(dns);
        ConnectionRequest gone = Hba.tcp("10.0.0.8", "d", "u").withResolver(dns);
        ConnectionRequest nameless = Hba.tcp("10.0.0.200", "d", "u").withResolver(dns);

        assertTrue(matches("app.example.com", app));
        assertTrue(matches("APP.Example.COM", app));
        assertFalse(matches("other.example.com", app));
        assertFalse(matches("spoof.example.com", spoof)); // forward lookup does not confirm
        assertFalse(matches("spoof.example.com", gone));
        assertFalse(matches("gone.example.com", gone)); // forward lookup fails
        assertFalse(matches("app.example.com", nameless));

        assertTrue(matches(".example.com", app));
        assertFalse(matches(".example.com", apex)); // suffix form needs something before the dot
        assertTrue(matches("example.com", apex));
        assertFalse(matches("example.com", app));
    }

    @Test
    void hostNameLookupNoteExplainsAFailedMatch() {
        HostResolver dns = resolver(Map.of("10.0.0.6", "spoof.example.com"),
                Map.of("spoof.example.com", List.of("10.0.0.99")));
        HbaFile f = Hba.load(16, "host all all spoof.example.com md5\n");
        MatchResult r = Hba.match(f, Hba.tcp("10.0.0.6", "d", "u").withResolver(dns));
        assertFalse(r.matched());
        assertEquals("Client IP address resolved to \"spoof.example.com\", forward lookup does not match.",
                r.hostLookupNote());
        MatchResult none = Hba.match(f, Hba.tcp("10.0.0.7", "d", "u").withResolver(dns));
        assertEquals("Could not resolve client IP address to a host name.", none.hostLookupNote());
        assertNull(Hba.match(Hba.load(16, "host all all all md5\n"), Hba.tcp("10.0.0.7", "d", "u")).hostLookupNote());
    }

    @Test
    void firstMatchWinsEvenWhenALaterLineWouldAllow() {
        HbaFile f = Hba.load(16, """
                host all all 172.18.0.0/16 reject
                host immich immich 172.18.0.5/32 trust
                host all all all scram-sha-256
                """);
        MatchResult r = Hba.match(f, Hba.tcp("172.18.0.5", "immich", "immich"));
        assertTrue(r.matched());
        assertTrue(r.rejected());
        assertEquals(1, r.rule().orElseThrow().line());
        assertEquals(3, Hba.line(f, Hba.tcp("10.0.0.5", "immich", "immich")));
    }
}
