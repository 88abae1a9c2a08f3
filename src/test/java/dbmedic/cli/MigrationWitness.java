package dbmedic.cli;

import dbmedic.pgtest.PgServer;
import java.util.function.BooleanSupplier;

/** What the CLI migration tests look at: a vector column's type, and waiting for the server. */
final class MigrationWitness {
    private MigrationWitness() {
    }

    /** {@code schema:type} of {@code table.embedding} in database immich; schema-qualified, as the search_path could hide it. */
    static String type(PgServer pg, String table) {
        return pg.queryValue("immich", "SELECT n.nspname || ':' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE c.relname = '" + table + "' AND a.attname = 'embedding'");
    }

    /** Waits for another process or server; the bound is generous and is not what a test measures. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
