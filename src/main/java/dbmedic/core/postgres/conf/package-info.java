/**
 * A data directory's configuration read offline, the way the server reads it at start:
 * {@link dbmedic.core.postgres.conf.DataDirectoryConfig} combines PG_VERSION, postgresql.conf
 * with its includes ({@link dbmedic.core.postgres.conf.ConfFileReader}), postgresql.auto.conf
 * and the last start's command line ({@link dbmedic.core.postgres.conf.PostmasterOpts});
 * {@link dbmedic.core.postgres.conf.LibraryList} splits shared_preload_libraries like the
 * server. Files are only read, through {@link dbmedic.core.postgres.conf.ServerFiles}.
 *
 * <p>Not modelled: parameter names and values are not checked against the server's parameter
 * list (an unknown name or bad value is only found by the server itself), environment
 * variables (PGDATESTYLE, ...), and settings stored in the database (ALTER DATABASE/ROLE).
 */
package dbmedic.core.postgres.conf;
