/**
 * Offline diagnosis of folders, reading files only (nothing is started, connected to or written).
 *
 * <p>API: {@link dbmedic.core.offline.OfflineFolders#detect(java.nio.file.Path)} gives a
 * {@link dbmedic.core.offline.ComposeFolderTarget} (compose.yaml / compose.yml /
 * docker-compose.yml / docker-compose.yaml, in Compose's order) or a
 * {@link dbmedic.core.offline.DataDirectoryTarget} (PG_VERSION);
 * {@link dbmedic.core.offline.OfflineDiagnoser#diagnose} turns either into a Diagnosis, with
 * {@link dbmedic.core.offline.OfflineOptions} for the connection tested against pg_hba.conf.
 *
 * <p>Compose folders: .env and ${VAR} substitution follow Docker Compose's rules; the database
 * image tag gives PostgreSQL, VectorChord, pgvecto.rs and pgvector versions, compared with the
 * Immich release's ranges (dbmedic.core.immich). A bind-mounted data directory next to the
 * compose file is checked as well. Data directories use dbmedic.core.postgres.conf and
 * dbmedic.core.postgres.hba.
 *
 * <p>Not modelled: the shell environment (which also feeds Compose's substitution),
 * {@code include:}/{@code extends:}/override files, env_file entries other than .env, YAML merge
 * keys, what an unknown image ships, which extension a data directory's database actually uses
 * (its catalogs are not read).
 */
package dbmedic.core.offline;
