/**
 * pg_hba.conf as PostgreSQL 14-17 reads and applies it, offline.
 *
 * <p>{@link dbmedic.core.postgres.hba.HbaFileParser} loads a file (and its {@code @} lists and,
 * from 16, {@code include*} files) through {@link dbmedic.core.postgres.conf.ServerFiles};
 * {@link dbmedic.core.postgres.hba.HbaMatcher} finds the rule a
 * {@link dbmedic.core.postgres.hba.ConnectionRequest} would get;
 * {@link dbmedic.core.postgres.hba.HbaMessages} and
 * {@link dbmedic.core.postgres.hba.HbaSuggestions} give the server's texts and the lines to add.
 *
 * <p>Where this is an approximation of the server: regular expressions use java.util.regex
 * instead of PostgreSQL's ARE ({@link dbmedic.core.postgres.hba.HbaRegex}); the server build is
 * assumed to be a Linux one with OpenSSL, GSSAPI, PAM and OpenLDAP (sspi and bsd are "not
 * supported by this build"); option checks that need server libraries (LDAP URL parsing,
 * RADIUS list syntax) are not done; {@code include} lines inside {@code @} files are taken as
 * names; host names are resolved only through the given
 * {@link dbmedic.core.postgres.hba.HostResolver}.
 */
package dbmedic.core.postgres.hba;
