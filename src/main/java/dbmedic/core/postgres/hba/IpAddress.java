package dbmedic.core.postgres.hba;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address kept as written: unlike java.net.InetAddress, an IPv4-mapped IPv6
 * address ({@code ::ffff:10.0.0.1}) stays IPv6, which is what pg_hba.conf matching needs
 * ("an entry given in IPv4 format will match only IPv4 connections").
 */
public final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static IpAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        return new IpAddress(bytes.clone());
    }

    /** Parses numeric text; throws IllegalArgumentException when it is not an address. */
    public static IpAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }

    /**
     * What getaddrinfo(AI_NUMERICHOST) accepts: IPv4 in inet_aton form (so {@code 127.1}
     * and {@code 0x7f.0.0.1} too) or IPv6 (with an optional {@code %zone}, ignored).
     */
    public static Optional<IpAddress> tryParse(String text) {
        if (text.indexOf(':') >= 0) {
            int pct = text.indexOf('%');
            byte[] b = parseV6(pct >= 0 ? text.substring(0, pct) : text);
            return Optional.ofNullable(b).map(IpAddress::new);
        }
        return Optional.ofNullable(parseV4(text)).map(IpAddress::new);
    }

    private static byte[] parseV4(String s) {
        if (s.isEmpty() || s.endsWith(".")) {
            return null;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] vals = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.isEmpty()) {
                    return null;
                } else if (p.startsWith("0x") || p.startsWith("0X")) {
                    vals[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.startsWith("0") && p.length() > 1) {
                    vals[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    if (!p.chars().allMatch(Character::isDigit)) {
                        return null;
                    }
                    vals[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long value = 0;
        for (int i = 0; i < vals.length - 1; i++) {
            if (vals[i] > 255) {
                return null;
            }
            value |= vals[i] << (8 * (3 - i));
        }
        long last = vals[vals.length - 1];
        int lastBytes = 4 - (vals.length - 1);
        if (last >= (1L << (8 * lastBytes))) {
            return null;
        }
        value |= last;
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 && total != 8 || dbl >= 0 && total > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(t, 0, all, 8 - t.length, t.length);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (all[i] >>> 8);
            b[2 * i + 1] = (byte) all[i];
        }
        return b;
    }

    /** 16-bit groups of one side of "::"; a dotted IPv4 tail counts as two groups. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int extra = parts[parts.length - 1].contains(".") ? 1 : 0;
        int[] out = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                if (!p.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                    return null;
                }
                byte[] v4 = parseV4(p);
                if (v4 == null) {
                    return null;
                }
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                if (!p.matches("[0-9a-fA-F]{1,4}")) {
                    return null;
                }
                out[i] = Integer.parseInt(p, 16);
            }
        }
        return out;
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bits in the address: 32 or 128. */
    public int bitLength() {
        return bytes.length * 8;
    }

    /** Same family and equal under {@code mask} (pg_range_sockaddr). */
    public boolean inRange(IpAddress network, byte[] mask) {
        if (network.bytes.length != bytes.length || mask.length != bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (((bytes[i] ^ network.bytes[i]) & mask[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The mask of a prefix length for this family. */
    public static byte[] prefixMask(int bits, int prefix) {
        byte[] m = new byte[bits / 8];
        for (int i = 0; i < prefix; i++) {
            m[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return m;
    }

    /** This address with the bits after {@code prefix} cleared. */
    public IpAddress network(int prefix) {
        byte[] m = prefixMask(bitLength(), prefix);
        byte[] b = bytes.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] &= m[i];
        }
        return new IpAddress(b);
    }

    /** The text the server prints (inet_ntop / getnameinfo NI_NUMERICHOST). */
    @Override
    public String toString() {
        if (isIpv4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] == 0) {
                int j = i;
                while (j < 8 && w[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestBase = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            // glibc prints an embedded IPv4 for ::a.b.c.d (not ::1) and ::ffff:a.b.c.d.
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 7 && w[7] != 1) || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(bytes[12] & 0xff).append('.').append(bytes[13] & 0xff).append('.')
                        .append(bytes[14] & 0xff).append('.').append(bytes[15] & 0xff);
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
