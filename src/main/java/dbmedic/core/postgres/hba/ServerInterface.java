package dbmedic.core.postgres.hba;

/**
 * One of the server's network interface addresses with its subnet, for {@code samehost}
 * (the address itself) and {@code samenet} (the subnet).
 */
public record ServerInterface(IpAddress address, int prefixLength) {

    public static ServerInterface parse(String cidr) {
        int slash = cidr.indexOf('/');
        IpAddress a = IpAddress.parse(cidr.substring(0, slash));
        return new ServerInterface(a, Integer.parseInt(cidr.substring(slash + 1)));
    }

    boolean sameHost(IpAddress client) {
        return client.inRange(address, IpAddress.prefixMask(address.bitLength(), address.bitLength()));
    }

    boolean sameNet(IpAddress client) {
        return client.inRange(address, IpAddress.prefixMask(address.bitLength(), prefixLength));
    }
}
