package dbmedic.ui.immich;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Immich migration's results so far, shared by its pages. Everything here belongs to one
 * target: {@link #reset()} when the target changes (and the session's password is forgotten).
 */
public final class ImmichFlow {
    /** True when the target is a live PostgreSQL Immich database: the migration pages are in the flow. */
    public final BooleanProperty active = new SimpleBooleanProperty(false);
    public final ObjectProperty<BackupView> backup = new SimpleObjectProperty<>();
    public final ObjectProperty<MigrationOffer> offer = new SimpleObjectProperty<>();
    public final ObjectProperty<PlanView> plan = new SimpleObjectProperty<>();
    /** How many phases of {@link #plan} are committed. */
    public final IntegerProperty phasesDone = new SimpleIntegerProperty(0);
    public final ObjectProperty<VerificationView> verification = new SimpleObjectProperty<>();

    private final ImmichEngineFactory factory;
    private ImmichEngine engine;
    /** The tunnel the engine's session was opened through (null: direct). */
    private dbmedic.core.postgres.TunnelEndpoint engineTunnel;
    private TunnelSource tunnels = spec -> null;

    /** Where the PostgreSQL sockets of a target go: the local end of an SSH tunnel, or null for direct. */
    @FunctionalInterface
    public interface TunnelSource {
        dbmedic.core.postgres.TunnelEndpoint tunnelFor(String targetSpec) throws Exception;
    }

    public ImmichFlow(ImmichEngineFactory factory) {
        this.factory = factory;
        plan.addListener((o, a, b) -> {
            if (a != null && (b == null || !a.id().equals(b.id()))) {
                phasesDone.set(0);
            }
        });
    }

    public void useTunnels(TunnelSource source) {
        this.tunnels = source;
    }

    /**
     * The engine for this target, opened on first use (may ask for the password, may connect
     * over SSH): call off the FX thread. A session opened through a tunnel that has since been
     * replaced (the SSH connection dropped and was opened again) is opened again too.
     */
    public synchronized ImmichEngine engine(String targetSpec, String clientAddress,
                                            dbmedic.core.postgres.PasswordPrompt prompt) throws Exception {
        dbmedic.core.postgres.TunnelEndpoint tunnel = tunnels.tunnelFor(targetSpec);
        if (engine != null && !java.util.Objects.equals(tunnel, engineTunnel)) {
            dropEngine();
        }
        if (engine == null) {
            engine = factory.open(targetSpec, clientAddress, prompt, tunnel);
            engineTunnel = tunnel;
        }
        return engine;
    }

    /** Closes the database session but keeps the results (backup, plan, phases done). */
    public synchronized void dropEngine() {
        if (engine != null) {
            ImmichEngine e = engine;
            engine = null;
            engineTunnel = null;
            e.close();
        }
    }

    /** True when every phase of the chosen plan is committed. */
    public boolean migrated() {
        PlanView p = plan.get();
        return p != null && phasesDone.get() >= p.phases().size();
    }

    /** The phase the plan is waiting to run, or -1 when none (no plan, or all done). */
    public int nextPhase() {
        PlanView p = plan.get();
        return p == null || migrated() ? -1 : phasesDone.get();
    }

    /** What the migration gets as its backup: the one made (or chosen) here, else the journal's. */
    public Object backupEvidence() {
        if (backup.get() != null && backup.get().verified()) {
            return backup.get().evidence();
        }
        MigrationOffer o = offer.get();
        return o == null || o.pending() == null ? null : o.pending().backupEvidence();
    }

    /** Forgets everything about the target (its session too). */
    public synchronized void reset() {
        dropEngine();
        backup.set(null);
        offer.set(null);
        plan.set(null);
        phasesDone.set(0);
        verification.set(null);
    }
}
