package dbmedic.core.immich.migrate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the plans and guards decide from, read in one read-only session.
 *
 * @param serverKey       {@code host:port/database}, the journal's key
 * @param database        the Immich database's name
 * @param serverVersion   {@code server_version}, e.g. "14.15"
 * @param serverMajor     major version, e.g. 14
 * @param immichVersion   newest {@code version_history} row (empty when the table is missing)
 * @param extensions      {@code vector}, {@code vectors}, {@code vchord} by SQL name
 * @param preload         {@code shared_preload_libraries} and where it was set
 * @param tables          the vector tables found ({@code smart_search}, {@code face_search})
 * @param otherSessions   other sessions on the Immich database (not this one)
 * @param inRecovery      {@code pg_is_in_recovery()}: a standby
 * @param readOnly        {@code transaction_read_only} / {@code default_transaction_read_only} on
 * @param primaryHost     the primary when known ({@code pg_stat_wal_receiver.sender_host})
 * @param currentUser     the connected role
 * @param privileges      what that role may do
 * @param vectorsSchema   a schema named {@code vectors} exists (pgvecto.rs's; it may outlive the extension)
 */
public record MigrationState(String serverKey, String database, String serverVersion, int serverMajor,
                             Optional<String> immichVersion, Map<String, ExtensionInfo> extensions,
                             PreloadSetting preload, List<VectorTable> tables, List<OtherSession> otherSessions,
                             boolean inRecovery, boolean readOnly, Optional<String> primaryHost, String currentUser,
                             Privileges privileges, boolean vectorsSchema) {
    public MigrationState {
        extensions = Map.copyOf(extensions);
        tables = List.copyOf(tables);
        otherSessions = List.copyOf(otherSessions);
    }

    public Optional<ExtensionInfo> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    public Optional<VectorTable> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
