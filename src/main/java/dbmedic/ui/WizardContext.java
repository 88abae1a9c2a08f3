package dbmedic.ui;

import dbmedic.core.Medic;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.core.verify.VerifyResult;
import dbmedic.ui.shell.LinkOpener;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the steps share: the engine and the flow's results so far. Changing the app or the
 * target throws away everything downstream, so a step never shows results for another database.
 */
public final class WizardContext {
    /** "invokeai", "gpustack", or null for "detect it for me". */
    public final ObjectProperty<String> app = new SimpleObjectProperty<>();
    /** The text of the Connect field: what the user typed, browsed, dropped, or the demo. */
    public final StringProperty targetText = new SimpleStringProperty("");
    public final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    /** PostgreSQL: where the app connects from, for the pg_hba check; blank = the engine's Docker default. */
    public final StringProperty clientAddress = new SimpleStringProperty("");
    public final ObjectProperty<Diagnosis> diagnosis = new SimpleObjectProperty<>();
    public final ObjectProperty<BackupResult> backup = new SimpleObjectProperty<>();
    public final ObjectProperty<RepairPlan> plan = new SimpleObjectProperty<>();
    public final BooleanProperty repaired = new SimpleBooleanProperty(false);
    public final ObjectProperty<VerifyResult> verify = new SimpleObjectProperty<>();
    /** The Immich migration on a live PostgreSQL target (Back up → Migrate → Verify → Watch). */
    public final dbmedic.ui.immich.ImmichFlow immich;
    /**
     * The SSH session every PostgreSQL step goes through when the Connect page's SSH server is
     * filled in: one tunnel to the database plus the remote commands (docker ps, pg_dump, logs).
     */
    public final dbmedic.ui.connect.ssh.SshLink ssh = dbmedic.ui.connect.ssh.SshLink.forUser();
    /** An Immich compose folder read on the SSH server: its local copy is the target while it is kept. */
    public final ObjectProperty<dbmedic.ui.connect.ssh.RemoteComposeCopy> remoteCopy = new SimpleObjectProperty<>();

    private final Medic medic;
    private final LinkOpener links;
    private final ReportSaver reports;

    /** {@code reports} null hides the "Save report…" buttons. */
    public WizardContext(Medic medic, LinkOpener links, ReportSaver reports) {
        this(medic, links, reports, dbmedic.ui.immich.CoreImmichEngine.factory(medic));
    }

    /** {@code immichEngines} opens the migration engine for a PostgreSQL target. */
    public WizardContext(Medic medic, LinkOpener links, ReportSaver reports,
                         dbmedic.ui.immich.ImmichEngineFactory immichEngines) {
        this.medic = medic;
        this.links = links;
        this.reports = reports;
        this.immich = new dbmedic.ui.immich.ImmichFlow(immichEngines);
        app.addListener((o, a, b) -> clearFrom(true));
        target.addListener((o, a, b) -> {
            clearFrom(true);
            ssh.close(); // a session belongs to the target it was opened for
            var copy = remoteCopy.get();
            if (copy != null && !isCopy(b, copy)) {
                remoteCopy.set(null);
                copy.delete(); // the server's .env holds a password: no copy outlives its use
            }
        });
        // another server or key: another path to the database, so nothing seen so far holds
        ssh.server.addListener((o, a, b) -> clearFrom(true));
        ssh.keyFile.addListener((o, a, b) -> clearFrom(true));
        immich.useTunnels(spec -> ssh.tunnelFor(medic.resolve(spec)));
        // the migration pages belong to a live PostgreSQL database that the diagnosis found to be Immich's
        immich.active.bind(Bindings.createBooleanBinding(() -> Medic.canMigrate(target.get())
                && diagnosis.get() != null && diagnosis.get().app() != null
                && "immich".equals(diagnosis.get().app().id()), target, diagnosis));
        diagnosis.addListener((o, a, d) -> {
            if (d != null) {
                plan.set(null);
                verify.set(null);
                if (repaired.get()) {
                    // the database changed since that backup's diagnosis: a further repair needs a new one
                    backup.set(null);
                    repaired.set(false);
                }
            }
        });
    }

    public Medic medic() {
        return medic;
    }

    public LinkOpener links() {
        return links;
    }

    public Optional<ReportSaver> reports() {
        return Optional.ofNullable(reports);
    }

    /**
     * A failure in one plain line; when the SSH session under the step dropped, that is said
     * first (the next try connects again, and the migration's session follows the new tunnel).
     */
    public String explain(Throwable error) {
        String ssh = dbmedic.ui.connect.ssh.SshMessages.ofAny(error);
        String line = ssh != null ? ssh : dbmedic.ui.shell.ErrorMessages.oneLine(error);
        String lost = this.ssh.lostNote(error);
        return lost == null ? line : lost + " (" + line + ")";
    }

    private static boolean isCopy(Target t, dbmedic.ui.connect.ssh.RemoteComposeCopy copy) {
        return t instanceof dbmedic.core.offline.ComposeFolderTarget cf
                && cf.composeFile().toAbsolutePath().normalize().startsWith(copy.local().toAbsolutePath().normalize());
    }

    /** Lets go of the SSH session, the database session and a copied compose folder: the window closed. */
    public void close() {
        immich.dropEngine();
        ssh.close();
        var copy = remoteCopy.get();
        if (copy != null) {
            remoteCopy.set(null);
            copy.delete();
        }
    }

    /** Forgets results that depend on the database as it was. */
    public void clearFrom(boolean diagnosisToo) {
        if (diagnosisToo) {
            diagnosis.set(null);
            immich.reset();
        }
        backup.set(null);
        plan.set(null);
        repaired.set(false);
        verify.set(null);
    }

    /** The header line: "InvokeAI · schema 15 (v5.0.0) · /path/to/invokeai.db". */
    public StringBinding headerText() {
        return Bindings.createStringBinding(() -> {
            Target t = target.get();
            if (t == null) {
                return "No database chosen yet";
            }
            StringBuilder s = new StringBuilder();
            Diagnosis d = diagnosis.get();
            if (d != null && d.app() != null && d.app().recognised()) {
                s.append(d.app().name());
                if (d.app().schemaVersion() != null) {
                    s.append(" · schema ").append(d.app().schemaVersion());
                }
                if (d.app().release() != null) {
                    s.append(" (").append(d.app().release()).append(')');
                }
                s.append(" · ");
            } else if (t instanceof SqliteTarget st && st.appHint() != null) {
                s.append(AppNames.name(st.appHint())).append(" · ");
            }
            var copy = remoteCopy.get();
            s.append(copy != null && isCopy(t, copy) ? copy.origin() + " (compose file and .env copied for reading)"
                    : t.displayName());
            return s.toString();
        }, target, diagnosis, remoteCopy);
    }

    /** Where backups go by default: beside the database. */
    public Path defaultBackupFolder() {
        if (target.get() instanceof SqliteTarget st) {
            Path parent = st.database().toAbsolutePath().getParent();
            return parent;
        }
        return null;
    }
}
