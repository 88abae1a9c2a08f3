package dbmedic.core.postgres.hba;

import java.util.List;

/**
 * A connection attempt to test against pg_hba.conf. Build with {@link #tcp} or
 * {@link #local} and the {@code with...} methods.
 *
 * @param client           null for a Unix-socket ({@code local}) connection
 * @param ssl              the connection uses SSL encryption
 * @param gssEncryption    the connection uses GSSAPI encryption
 * @param replication      physical/logical replication or none
 * @param roles            role catalog for {@code +group} and {@code samerole}
 * @param serverInterfaces the server's own addresses and subnets ({@code samehost}/{@code samenet})
 * @param resolver         name lookups for host-name entries
 */
public record ConnectionRequest(IpAddress client, boolean ssl, boolean gssEncryption, String database, String user,
                                Replication replication, RoleMemberships roles,
                                List<ServerInterface> serverInterfaces, HostResolver resolver) {

    public static ConnectionRequest tcp(String clientIp, String database, String user) {
        return new ConnectionRequest(IpAddress.parse(clientIp), false, false, database, user, Replication.NONE,
                RoleMemberships.unknownCatalog(), List.of(), HostResolver.NONE);
    }

    public static ConnectionRequest local(String database, String user) {
        return new ConnectionRequest(null, false, false, database, user, Replication.NONE,
                RoleMemberships.unknownCatalog(), List.of(), HostResolver.NONE);
    }

    public boolean isLocal() {
        return client == null;
    }

    public ConnectionRequest withSsl(boolean on) {
        return new ConnectionRequest(client, on, gssEncryption, database, user, replication, roles, serverInterfaces, resolver);
    }

    public ConnectionRequest withGssEncryption(boolean on) {
        return new ConnectionRequest(client, ssl, on, database, user, replication, roles, serverInterfaces, resolver);
    }

    public ConnectionRequest withReplication(Replication r) {
        return new ConnectionRequest(client, ssl, gssEncryption, database, user, r, roles, serverInterfaces, resolver);
    }

    public ConnectionRequest withRoles(RoleMemberships r) {
        return new ConnectionRequest(client, ssl, gssEncryption, database, user, replication, r, serverInterfaces, resolver);
    }

    public ConnectionRequest withServerInterfaces(List<ServerInterface> s) {
        return new ConnectionRequest(client, ssl, gssEncryption, database, user, replication, roles, List.copyOf(s), resolver);
    }

    public ConnectionRequest withResolver(HostResolver r) {
        return new ConnectionRequest(client, ssl, gssEncryption, database, user, replication, roles, serverInterfaces, r);
    }

    /** The host text in server messages: the numeric address, or {@code [local]}. */
    public String hostText() {
        return client == null ? "[local]" : client.toString();
    }
}
