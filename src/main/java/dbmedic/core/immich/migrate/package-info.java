/**
 * The Immich migration from pgvecto.rs (or pgvector) to VectorChord (issue 4): read the live
 * state ({@link dbmedic.core.immich.migrate.MigrationState}), offer plans with their exact
 * statements ({@link dbmedic.core.immich.migrate.MigrationPlan}), refuse when a guard says no
 * ({@link dbmedic.core.immich.migrate.Refusal}), apply one phase per transaction behind a
 * verified backup, journal every phase so a restart resumes, and verify that no value was lost.
 * Entry point: {@link dbmedic.core.immich.migrate.ImmichMigration}.
 */
package dbmedic.core.immich.migrate;
