package dbmedic.core.postgres.hba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void parsesDottedQuadAndInetAtonShortForms() {
        assertEquals("172.18.0.5", IpAddress.parse("172.18.0.5").toString());
        assertEquals("127.0.0.1", IpAddress.parse("127.1").toString());
        assertEquals("127.0.0.1", IpAddress.parse("0x7f.0.0.1").toString());
        assertTrue(IpAddress.tryParse("256.1.1.1").isEmpty());
        assertTrue(IpAddress.tryParse("db.example.com").isEmpty());
        assertTrue(IpAddress.tryParse("1.2.3.4.5").isEmpty());
        assertTrue(IpAddress.tryParse("").isEmpty());
    }

    @Test
    void ipv6PrintsLikeInetNtop() {
        assertEquals("::1", IpAddress.parse("0:0:0:0:0:0:0:1").toString());
        assertEquals("::", IpAddress.parse("::0").toString());
        assertEquals("fe80::7a31:c1ff:0:0", IpAddress.parse("fe80::7a31:c1ff:0000:0000").toString());
        assertEquals("2001:db8::1", IpAddress.parse("2001:DB8:0:0:0:0:0:1").toString());
        assertEquals("::ffff:172.18.0.5", IpAddress.parse("::ffff:172.18.0.5").toString());
        assertEquals("fe80::1", IpAddress.parse("fe80::1%eth0").toString());
        assertTrue(IpAddress.tryParse("1::2::3").isEmpty());
        assertTrue(IpAddress.tryParse("1:2:3:4:5:6:7").isEmpty());
        assertTrue(IpAddress.tryParse("12345::").isEmpty());
    }

    @Test
    void ipv4MappedStaysIpv6() {
        IpAddress mapped = IpAddress.parse("::ffff:127.0.0.1");
        assertTrue(mapped.isIpv6());
        assertFalse(mapped.equals(IpAddress.parse("127.0.0.1")));
    }

    @Test
    void networkClearsHostBits() {
        assertEquals("172.18.0.0", IpAddress.parse("172.18.3.7").network(16).toString());
        assertEquals("2001:db8:1::", IpAddress.parse("2001:db8:1:0:aaaa::1").network(64).toString());
    }
}
