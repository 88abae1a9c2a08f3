package dbmedic.core.postgres;

/**
 * Where every socket to PostgreSQL connects instead of the target's host: the local end of
 * an SSH tunnel. The JDBC URL keeps the real host name, so {@code sslmode=verify-full}
 * checks the certificate against the real host, not 127.0.0.1.
 *
 * @param host        the local address of the tunnel, normally 127.0.0.1
 * @param port        the local port of the tunnel
 * @param description what the tunnel reaches, for messages (e.g. {@code via admin@nas: database:5432})
 */
public record TunnelEndpoint(String host, int port, String description) {
    public TunnelEndpoint {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad tunnel endpoint " + host + ":" + port);
        }
        description = description == null ? host + ":" + port : description;
    }

    /** The pgjdbc {@code socketFactoryArg}: {@code host:port}. */
    String socketFactoryArg() {
        return host + ":" + port;
    }
}
