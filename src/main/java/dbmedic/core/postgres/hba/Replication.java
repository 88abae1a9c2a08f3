package dbmedic.core.postgres.hba;

/** Whether the connection asks for replication. */
public enum Replication {
    /** An ordinary connection. */
    NONE,
    /** Physical replication (pg_basebackup, a streaming standby): matches only the {@code replication} keyword. */
    PHYSICAL,
    /** Logical replication: names a database and matches like an ordinary connection. */
    LOGICAL
}
