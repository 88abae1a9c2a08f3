package dbmedic.core.postgres.hba;

/** The address field of a host* record. */
public sealed interface HbaAddress {

    /** {@code all}: any client address. */
    record Any() implements HbaAddress {
        @Override
        public String toString() {
            return "all";
        }
    }

    /** {@code samehost}: any of the server's own addresses. */
    record SameHost() implements HbaAddress {
        @Override
        public String toString() {
            return "samehost";
        }
    }

    /** {@code samenet}: any address in a subnet the server is directly connected to. */
    record SameNet() implements HbaAddress {
        @Override
        public String toString() {
            return "samenet";
        }
    }

    /** A numeric range, from CIDR or the two-column address + mask form. */
    record Range(IpAddress address, IpAddress mask) implements HbaAddress {
        public boolean matches(IpAddress client) {
            return client.inRange(address, mask.bytes());
        }

        @Override
        public String toString() {
            return address + " " + mask;
        }
    }

    /** A host name, or a {@code .suffix} when it starts with a dot. */
    record HostName(String name) implements HbaAddress {
        public boolean isSuffix() {
            return name.startsWith(".");
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
