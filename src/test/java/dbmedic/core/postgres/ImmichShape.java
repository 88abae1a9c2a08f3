package dbmedic.core.postgres;

import dbmedic.pgtest.PgServer;

/**
 * Immich-shaped databases for the live tests: the tables DB Medic reads (version_history,
 * kysely_migrations, asset, smart_search, face_search) with the given vector column type,
 * created by the superuser in a database owned by the normal role.
 */
final class ImmichShape {
    private ImmichShape() {
    }

    /** {@code before}: statements run first in the new database (e.g. CREATE EXTENSION for the column type). */
    static void create(PgServer pg, String database, String owner, String immichVersion, String embeddingType,
                       String... before) {
        pg.createDatabase(database, owner);
        if (before.length > 0) {
            pg.execute(database, before);
        }
        pg.execute(database,
                // Immich's own role owns its tables, as after a real start.
                "SET ROLE \"" + owner + "\"",
                "CREATE TABLE version_history (id serial PRIMARY KEY, \"createdAt\" timestamptz NOT NULL DEFAULT now(), "
                        + "version varchar NOT NULL)",
                "INSERT INTO version_history (\"createdAt\", version) VALUES (now() - interval '1 day', 'v1.132.3')",
                "INSERT INTO version_history (version) VALUES ('" + immichVersion + "')",
                "CREATE TABLE kysely_migrations (name varchar PRIMARY KEY, timestamp varchar NOT NULL)",
                "INSERT INTO kysely_migrations VALUES ('1744910873969-InitialMigration', '1'), "
                        + "('1747664684909-AddAlbumAuditTables', '2')",
                "CREATE TABLE asset (id uuid PRIMARY KEY)",
                "CREATE TABLE smart_search (\"assetId\" uuid PRIMARY KEY, embedding " + embeddingType + " NOT NULL)",
                "CREATE TABLE face_search (\"faceId\" uuid PRIMARY KEY, embedding " + embeddingType.replaceAll("\\(\\d+\\)", "(512)")
                        + " NOT NULL)");
    }
}
