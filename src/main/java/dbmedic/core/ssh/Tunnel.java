package dbmedic.core.ssh;

import dbmedic.core.postgres.TunnelEndpoint;

/**
 * A local port forward: connections to {@code 127.0.0.1:localPort} go through the SSH
 * session to {@code remoteHost:remotePort} as seen from the server. Closing it removes the
 * forward; the session stays open.
 */
public interface Tunnel extends AutoCloseable {
    int localPort();

    String remoteHost();

    int remotePort();

    /** Where PostgreSQL sockets connect instead of the target's host (the URL keeps the real host). */
    default TunnelEndpoint endpoint() {
        return new TunnelEndpoint("127.0.0.1", localPort(), remoteHost() + ":" + remotePort());
    }

    @Override
    void close();
}
