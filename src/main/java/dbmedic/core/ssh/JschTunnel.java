package dbmedic.core.ssh;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/** A JSch local forward on 127.0.0.1; closing it removes the forward only. */
final class JschTunnel implements Tunnel {
    private final Session session;
    private final int localPort;
    private final String remoteHost;
    private final int remotePort;

    JschTunnel(Session session, int localPort, String remoteHost, int remotePort) {
        this.session = session;
        this.localPort = localPort;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public String remoteHost() {
        return remoteHost;
    }

    @Override
    public int remotePort() {
        return remotePort;
    }

    @Override
    public void close() {
        try {
            session.delPortForwardingL("127.0.0.1", localPort);
        } catch (JSchException ignored) {
            // The session is gone already, and the forward with it.
        }
    }
}
