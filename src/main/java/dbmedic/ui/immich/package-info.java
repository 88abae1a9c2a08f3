/**
 * What the Immich migration steps (Back up, Migrate, Image swap, Verify, Watch) share: the
 * flow's state ({@link dbmedic.ui.immich.ImmichFlow}) and plain view records the pages show.
 *
 * <p>The pages never hold engine types directly: {@link dbmedic.ui.immich.ImmichEngine} is the
 * one seam, implemented over {@code dbmedic.core.immich.migrate}, {@code dbmedic.core.postgres.backup}
 * and {@code dbmedic.core.logs} by {@link dbmedic.ui.immich.CoreImmichEngine}, so an engine
 * change touches one adapter, not five pages.
 */
package dbmedic.ui.immich;
