package dbmedic.core.postgres.hba;

import java.util.Optional;

/** The first field of a pg_hba.conf record. */
public enum ConnectionType {
    LOCAL("local"), HOST("host"), HOSTSSL("hostssl"), HOSTNOSSL("hostnossl"),
    HOSTGSSENC("hostgssenc"), HOSTNOGSSENC("hostnogssenc");

    private final String keyword;

    ConnectionType(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Case-sensitive, like the server. */
    public static Optional<ConnectionType> fromKeyword(String word) {
        for (ConnectionType t : values()) {
            if (t.keyword.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
