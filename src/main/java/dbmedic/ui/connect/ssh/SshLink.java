package dbmedic.ui.connect.ssh;

import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.TunnelEndpoint;
import dbmedic.core.ssh.SshConfigFile;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshFailure;
import dbmedic.core.ssh.SshSettings;
import dbmedic.core.ssh.Tunnel;
import dbmedic.core.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * The wizard's one SSH session, kept for the whole flow: Diagnose, Back up, Migrate, Verify
 * and Watch all go through it (one tunnel to the database, remote commands beside it).
 * Opened off the FX thread on first use (the host-key dialog and password prompts come from
 * {@link FxSshPrompts}), closed when the server, the key or the target changes, or the app quits.
 * Every remote command is appended to {@link #commands} on the FX thread before it runs.
 */
public final class SshLink implements AutoCloseable {
    /** A Host alias from the ssh config file, or user@host[:port]; blank = no SSH. */
    public final StringProperty server = new SimpleStringProperty("");
    /** An extra private key file; blank = the agent and the usual ~/.ssh keys. */
    public final StringProperty keyFile = new SimpleStringProperty("");
    /** "Running on user@host: …", one per remote command, in order. */
    public final ObservableList<String> commands = FXCollections.observableArrayList();

    private volatile Path configFile;
    private volatile Path knownHosts;
    private volatile String serverText = "";
    private volatile String keyText = "";
    private volatile Window owner;
    /** Held while connecting or forwarding (which may wait for a dialog): never taken on the FX thread. */
    private final Object opening = new Object();
    private volatile SshConnection connection;
    private volatile Tunnel tunnel;
    /** The session that dropped under the user, until a new one is open or the link is closed on purpose. */
    private volatile String lostFrom;
    /** Bumped by {@link #close()}: a connection that finishes opening after it is thrown away. */
    private long epoch;

    public SshLink(Path configFile, Path knownHosts) {
        this.configFile = configFile;
        this.knownHosts = knownHosts;
        server.addListener((o, a, b) -> {
            serverText = b == null ? "" : b.strip();
            close();
        });
        keyFile.addListener((o, a, b) -> {
            keyText = b == null ? "" : b.strip();
            close();
        });
    }

    /** The user's ~/.ssh/config and ~/.ssh/known_hosts. */
    public static SshLink forUser() {
        return new SshLink(SshConfigFile.defaultFile(), SshSettings.defaultSshFolder().resolve("known_hosts"));
    }

    /** Other files (tests); call before the wizard opens. */
    public void useFiles(Path config, Path known) {
        close();
        this.configFile = config;
        this.knownHosts = known;
    }

    public Path configFile() {
        return configFile;
    }

    /** The window the SSH dialogs belong to. */
    public void setOwner(Window window) {
        this.owner = window;
    }

    Window owner() {
        return owner;
    }

    /** True when an SSH server is filled in. */
    public boolean enabled() {
        return !serverText.isEmpty();
    }

    /** The settings as typed; a config alias is resolved through the config file. */
    public SshSettings settings() throws SshFailure {
        String dest = serverText;
        SshSettings s = SshConfigFile.read(configFile).find(dest).orElse(null);
        if (s == null) {
            s = SshSettings.parse(dest);
        }
        if (!keyText.isEmpty()) {
            s = s.withIdentityFiles(List.of(Path.of(keyText)));
        }
        return s.withKnownHosts(knownHosts);
    }

    /** The open session, connecting first when there is none or it dropped. Not on the FX thread. */
    public SshConnection connection() throws SshFailure {
        synchronized (opening) {
            SshConnection c = connection;
            if (c != null && c.isConnected()) {
                return c;
            }
            long started;
            synchronized (this) {
                started = epoch;
                dropDead();
            }
            SshSettings settings = settings();
            SshConnection opened;
            try {
                opened = SshConnection.open(settings, new FxSshPrompts(owner), this::show);
            } catch (SshFailure e) {
                if (e.kind() == SshFailure.Kind.HOST_KEY_CHANGED) {
                    Window w = owner;
                    Platform.runLater(() -> HostKeyChangedDialog.show(w, e.getMessage()));
                }
                throw e;
            }
            synchronized (this) {
                if (started != epoch) {
                    opened.close();
                    throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "The SSH settings or the target changed while"
                            + " connecting; nothing was done. Try again.");
                }
                connection = opened;
                lostFrom = null;
            }
            return opened;
        }
    }

    /** A dropped session and its tunnel are let go, so the next use connects again. */
    private void dropDead() {
        SshConnection c = connection;
        if (c != null && !c.isConnected()) {
            lostFrom = c.describe();
            Tunnel t = tunnel;
            tunnel = null;
            connection = null;
            if (t != null) {
                t.close();
            }
            c.close();
        }
    }

    /** The local end of the tunnel to {@code host:port} as the server sees it; one tunnel kept. */
    public TunnelEndpoint tunnelTo(String host, int port) throws SshFailure {
        synchronized (opening) {
            SshConnection c = connection();
            Tunnel t = tunnel;
            if (t != null && t.remoteHost().equals(host) && t.remotePort() == port) {
                return t.endpoint();
            }
            if (t != null) {
                t.close();
            }
            Tunnel opened = c.forward(host, port);
            synchronized (this) {
                if (connection != c) {
                    opened.close();
                    throw new SshFailure(SshFailure.Kind.BAD_SETTINGS, "The SSH settings or the target changed while"
                            + " connecting; nothing was done. Try again.");
                }
                tunnel = opened;
            }
            return opened.endpoint();
        }
    }

    /** The tunnel for a live PostgreSQL target when SSH is on; null otherwise (a direct connection). */
    public TunnelEndpoint tunnelFor(Target target) throws SshFailure {
        if (!enabled() || !(target instanceof PostgresTarget pg)) {
            return null;
        }
        return tunnelTo(pg.host(), pg.port());
    }

    /** {@code options} through the tunnel when SSH is on and the target is a live PostgreSQL database. */
    public DiagnoseOptions route(Target target, DiagnoseOptions options) throws SshFailure {
        TunnelEndpoint t = tunnelFor(target);
        return t == null ? options : options.withTunnel(t);
    }

    /** True while a session is open and alive. */
    public boolean isConnected() {
        SshConnection c = connection;
        return c != null && c.isConnected();
    }

    /** "admin@nas (via gate)" for the open session, else the server as typed. */
    public String describe() {
        SshConnection c = connection;
        return c != null ? c.describe() : serverText;
    }

    /**
     * When the session that was open has dropped: the plain sentence for the user (what PostgreSQL
     * does with the transaction that was on it); null while it is alive or none was open.
     */
    public String lostNote(Throwable failure) {
        SshConnection c = connection;
        // Called on the FX thread: a short wait for a session that is just noticing it dropped.
        String lost = c != null && c.lostAfter(failure, java.time.Duration.ofSeconds(1)) ? c.describe() : c == null ? lostFrom : null;
        if (lost == null) {
            return null;
        }
        return "The SSH connection to " + lost + " was lost; PostgreSQL rolls back whatever transaction was"
                + " open on it, so nothing of this step was kept. Check the server and the network, then try again.";
    }

    /** Shows the command on the FX thread, and waits (bounded) until it is there: the user sees it before it runs. */
    private void show(String destination, String line) {
        String text = "Running on " + destination + ": " + line;
        if (Platform.isFxApplicationThread()) {
            commands.add(text);
            return;
        }
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            commands.add(text);
            shown.countDown();
        });
        try {
            shown.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the tunnel and the session (the next use connects again). Safe on the FX thread. */
    @Override
    public void close() {
        Tunnel t;
        SshConnection c;
        synchronized (this) {
            epoch++;
            lostFrom = null;
            t = tunnel;
            c = connection;
            tunnel = null;
            connection = null;
        }
        if (t != null) {
            t.close();
        }
        if (c != null) {
            c.close();
        }
    }
}
