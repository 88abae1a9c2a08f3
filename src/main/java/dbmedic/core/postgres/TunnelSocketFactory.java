package dbmedic.core.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory}: every socket it opens (the session and its cancel requests)
 * connects to the tunnel's local end, whatever address pgjdbc asks for. pgjdbc still believes
 * it talks to the URL's host, so TLS verification (verify-full) uses the real host name.
 * Instantiated by pgjdbc with the {@code socketFactoryArg} {@code host:port}.
 */
public final class TunnelSocketFactory extends SocketFactory {
    private final InetSocketAddress endpoint;

    public TunnelSocketFactory(String arg) {
        int colon = arg.lastIndexOf(':');
        this.endpoint = new InetSocketAddress(arg.substring(0, colon), Integer.parseInt(arg.substring(colon + 1)));
    }

    @Override
    public Socket createSocket() {
        return new RedirectedSocket(endpoint);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket s = new RedirectedSocket(endpoint);
        s.connect(endpoint);
        return s;
    }

    /** A socket whose connect goes to the tunnel, keeping the caller's timeout. */
    private static final class RedirectedSocket extends Socket {
        private final InetSocketAddress endpoint;

        RedirectedSocket(InetSocketAddress endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void connect(SocketAddress ignored, int timeout) throws IOException {
            super.connect(endpoint, timeout);
        }
    }
}
