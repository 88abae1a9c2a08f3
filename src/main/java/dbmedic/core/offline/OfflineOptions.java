package dbmedic.core.offline;

/**
 * What offline diagnosis assumes about the connection Immich makes: the client address,
 * database and user tested against pg_hba.conf; {@code serverDataDirectory} is where the
 * server sees the data directory (absolute include paths in its files refer to it).
 */
public record OfflineOptions(String clientAddress, String database, String user, String serverDataDirectory) {

    /** Docker's first user-defined bridge network, Immich's default database and user, the image's PGDATA. */
    public static final String DOCKER_CLIENT = "172.18.0.3";
    public static final String DOCKER_PGDATA = "/var/lib/postgresql/data";

    public static OfflineOptions defaults() {
        return new OfflineOptions(DOCKER_CLIENT, "immich", "postgres", null);
    }

    public OfflineOptions withClient(String address, String db, String role) {
        return new OfflineOptions(address, db, role, serverDataDirectory);
    }

    public OfflineOptions withServerDataDirectory(String dir) {
        return new OfflineOptions(clientAddress, database, user, dir);
    }
}
