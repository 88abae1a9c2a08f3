package dbmedic.pgtest;

/**
 * A minimal GPUStack v2.x database on a {@link PgServer} (knowledge/gpustack.md §5):
 * {@code alembic_version} at {@code b2c3d4e5f6a7} and a {@code model_usage_details} table with
 * or without the {@code completed} column (issue #5782: the revision says it is there, the
 * column is missing).
 */
public final class GpuStackPgDatabase {

    public static final String REVISION = "b2c3d4e5f6a7";

    private final PgServer server;
    private final String name;

    private GpuStackPgDatabase(PgServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates database {@code name} owned by {@code owner}; {@code withCompleted} false reproduces issue #5782. */
    public static GpuStackPgDatabase create(PgServer server, String name, String owner, boolean withCompleted) {
        server.createDatabase(name, owner);
        server.execute(name,
                "SET ROLE " + Sql.identifier(owner),
                "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL,"
                        + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('" + REVISION + "')",
                "CREATE TABLE model_usage_details (id serial PRIMARY KEY, model_id integer NOT NULL,"
                        + " prompt_token_count integer NOT NULL DEFAULT 0, completion_token_count integer NOT NULL DEFAULT 0,"
                        + " created_at timestamp without time zone NOT NULL DEFAULT now()"
                        + (withCompleted ? ", completed boolean NOT NULL DEFAULT false" : "") + ")",
                "INSERT INTO model_usage_details (model_id, prompt_token_count, completion_token_count)"
                        + " SELECT i, i * 10, i * 20 FROM generate_series(1, 5) i");
        return new GpuStackPgDatabase(server, name);
    }

    /** Database {@code gpustack} owned by the superuser. */
    public static GpuStackPgDatabase create(PgServer server, boolean withCompleted) {
        return create(server, "gpustack", PgServer.SUPERUSER, withCompleted);
    }

    public String name() {
        return name;
    }

    public PgServer server() {
        return server;
    }
}
