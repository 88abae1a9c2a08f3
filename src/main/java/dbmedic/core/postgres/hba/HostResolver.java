package dbmedic.core.postgres.hba;

import java.util.List;
import java.util.Optional;

/**
 * Name lookups for host-name entries, as the server would do them: reverse lookup of the
 * client address, then forward lookup of that name, which must give the client address back.
 */
public interface HostResolver {

    /** getnameinfo(NI_NAMEREQD): the client's name, or empty when it has none. */
    Optional<String> reverse(IpAddress client);

    /** getaddrinfo: the addresses of {@code hostName} (empty when unknown). */
    List<IpAddress> forward(String hostName);

    /** No names resolve: host-name entries never match. */
    HostResolver NONE = new HostResolver() {
        @Override
        public Optional<String> reverse(IpAddress client) {
            return Optional.empty();
        }

        @Override
        public List<IpAddress> forward(String hostName) {
            return List.of();
        }
    };
}
