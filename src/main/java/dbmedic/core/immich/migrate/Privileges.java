package dbmedic.core.immich.migrate;

/**
 * What the connected role may do that the plans need.
 *
 * @param superuser          the role is a superuser (may create the untrusted vector extensions)
 * @param ownsVectorTables   the role owns both vector tables (needed for ALTER TABLE / DROP INDEX)
 * @param canCreateInDatabase the role has CREATE on the Immich database
 * @param ownsVectorsExtension the role owns pgvecto.rs's extension (needed for DROP EXTENSION vectors)
 * @param canAlterSystem     the role may run ALTER SYSTEM on shared_preload_libraries
 * @param ownsVectorExtension the role owns pgvector's extension (needed for ALTER EXTENSION vector UPDATE)
 */
public record Privileges(boolean superuser, boolean ownsVectorTables, boolean canCreateInDatabase,
                         boolean ownsVectorsExtension, boolean canAlterSystem,
                         boolean ownsVectorExtension) {
}
