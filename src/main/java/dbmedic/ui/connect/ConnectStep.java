package dbmedic.ui.connect;

import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.ui.AppNames;
import dbmedic.ui.WizardContext;
import dbmedic.ui.shell.ErrorMessages;
import dbmedic.ui.shell.Step;
import dbmedic.ui.shell.StepHost;
import dbmedic.ui.shell.Widgets;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Where the database is: a SQLite file or the app's folder, typed, browsed or dropped on the
 * window. The path is resolved in the background as it changes; valid once it resolved.
 */
public final class ConnectStep extends Step {
    private final WizardContext ctx;
    private final VBox view = new VBox(14);
    private final TextField field = new TextField();
    private final Label status = new Label();
    private final Label testResult = new Label();
    /** True when the field is a folder to read on the SSH server rather than on this computer. */
    private final javafx.beans.property.BooleanProperty remoteFolder = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The SSH section is offered: a live PostgreSQL, a compose folder, or a path this computer does not have. */
    private final javafx.beans.property.BooleanProperty offerSsh = new javafx.beans.property.SimpleBooleanProperty(false);
    private final dbmedic.ui.connect.ssh.RemoteCommandsView commands;
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));
    private StepHost host;
    /** The text whose resolution is in flight or done; stale answers are dropped. */
    private String resolving;

    public ConnectStep(WizardContext ctx) {
        super("connect", "Connect");
        this.ctx = ctx;
        this.commands = new dbmedic.ui.connect.ssh.RemoteCommandsView(ctx.ssh, "connectCommands");
        build();
    }

    private void build() {
        view.getStyleClass().add("step-view");
        Label intro = Widgets.wrapped("Choose the SQLite database file, or the app's folder (an InvokeAI root, "
                + "a GPUStack data folder). You can also drop it anywhere on this window. "
                + "For Immich, paste its DB_URL (postgresql://user:password@host:5432/immich), or choose a copied "
                + "PostgreSQL data folder or the folder with Immich's docker-compose.yml. On a server, fill in SSH "
                + "below the URL. Diagnosis only reads.");
        Label label = new Label("_Database file, folder or PostgreSQL URL");
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setId("targetField");
        field.setPromptText("e.g. ~/invokeai/databases/invokeai.db or ~/invokeai");
        field.textProperty().bindBidirectional(ctx.targetText);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button file = new Button("Browse file…");
        file.setId("browseFile");
        file.setOnAction(e -> browseFile());
        Button folder = new Button("Browse folder…");
        folder.setId("browseFolder");
        folder.setOnAction(e -> browseFolder());
        status.setId("resolveStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        Button readRemote = new Button("_Read the folder on the server");
        readRemote.setMnemonicParsing(true);
        readRemote.setId("readRemoteFolder");
        readRemote.setOnAction(e -> readRemoteFolder());
        readRemote.visibleProperty().bind(remoteFolder);
        readRemote.managedProperty().bind(remoteFolder);
        view.getChildren().addAll(intro, label, new HBox(8, field, file, folder), status, readRemote, sshBox(), commands,
                clientBox());
        // another server (or none): the same text may now mean a folder there, or here
        ctx.ssh.server.addListener((o, a, b) -> {
            if (!isUrl(ctx.targetText.get() == null ? "" : ctx.targetText.get().strip())) {
                setValid(false);
                settle.playFromStart();
            }
        });

        settle.setOnFinished(e -> resolve());
        ctx.targetText.addListener((o, a, b) -> {
            setValid(false);
            settle.playFromStart();
        });
    }

    /** PostgreSQL only (or once a server is typed): the SSH server the database is reached through. */
    private Node sshBox() {
        dbmedic.ui.connect.ssh.SshSection section = new dbmedic.ui.connect.ssh.SshSection(ctx.ssh);
        section.getStyleClass().add("ssh-section");
        section.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> offerSsh.get() || !ctx.ssh.server.get().isBlank(), offerSsh, ctx.ssh.server));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    /** PostgreSQL only: the address the app connects from, for the pg_hba check. */
    private Node clientBox() {
        Label question = new Label("Where does _Immich run? (the address PostgreSQL sees it connect from)");
        question.setMnemonicParsing(true);
        javafx.scene.control.ComboBox<String> address = new javafx.scene.control.ComboBox<>();
        address.setId("clientAddress");
        address.setEditable(true);
        address.getItems().addAll("172.18.0.3", "172.17.0.1", "127.0.0.1");
        address.setPromptText("Docker's default address");
        address.setPrefWidth(320);
        address.getEditor().textProperty().bindBidirectional(ctx.clientAddress);
        question.setLabelFor(address);
        Label hint = Widgets.wrapped("In the same compose project as the database: its container address (172.18.0.x by"
                + " default). Through a published port on the same machine: 127.0.0.1 or the Docker bridge gateway.",
                "text-muted");
        Button test = new Button("_Test connection");
        test.setId("testConnection");
        test.setMnemonicParsing(true);
        test.setOnAction(e -> testConnection());
        test.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> ctx.target.get() instanceof dbmedic.core.postgres.PostgresTarget, ctx.target));
        test.managedProperty().bind(test.visibleProperty());
        testResult.setId("testResult");
        testResult.setWrapText(true);
        VBox box = new VBox(6, question, address, hint, new HBox(10, test), testResult);
        box.setId("clientBox");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> ctx.target.get() != null && !(ctx.target.get() instanceof SqliteTarget), ctx.target));
        box.managedProperty().bind(box.visibleProperty());
        ctx.clientAddress.addListener((o, a, b) -> ctx.diagnosis.set(null));
        return box;
    }

    /** Connects as the diagnosis will (fresh from the field, so a URL password is used again) and says how it went. */
    private void testConnection() {
        String spec = field.getText() == null ? "" : field.getText().strip();
        testResult.setText("Connecting…");
        testResult.getStyleClass().removeAll("resolve-error", "resolve-ok");
        dbmedic.core.diagnose.DiagnoseOptions options = new dbmedic.core.diagnose.DiagnoseOptions(ctx.app.get(), false,
                blankToNull(ctx.clientAddress.get()), new FxPasswordPrompt(host.window()));
        host.run(ctx.ssh.enabled() ? "Connecting over SSH and testing the connection" : "Testing the connection", p -> {
                    Target t = ctx.medic().resolve(spec);
                    return ctx.medic().testConnection(t, ctx.ssh.route(t, options));
                },
                result -> {
                    testResult.setText((result.ok() ? "✔ " : "✖ ") + result.message()
                            + (result.ok() && ctx.ssh.enabled() ? " (through SSH: " + ctx.ssh.describe() + ")" : ""));
                    testResult.getStyleClass().add(result.ok() ? "resolve-ok" : "resolve-error");
                },
                error -> {
                    testResult.setText("✖ " + ctx.explain(error));
                    testResult.getStyleClass().add("resolve-error");
                });
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void browseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the SQLite database");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite", "*.sqlite3"),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File f = chooser.showOpenDialog(host.window());
        if (f != null) {
            ctx.targetText.set(f.getAbsolutePath());
        }
    }

    private void browseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the app's folder");
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File f = chooser.showDialog(host.window());
        if (f != null) {
            ctx.targetText.set(f.getAbsolutePath());
        }
    }

    private java.util.Optional<File> initialFolder() {
        try {
            File f = Path.of(field.getText().strip()).toFile();
            File dir = f.isDirectory() ? f : f.getParentFile();
            return dir != null && dir.isDirectory() ? java.util.Optional.of(dir) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isUrl(String spec) {
        String lower = spec.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    /** Over SSH, a path is a compose folder on the server: read only when asked (it runs cat there). */
    private boolean resolveRemote(String spec) {
        remoteFolder.set(false);
        if (!ctx.ssh.enabled() || spec.isEmpty() || isUrl(spec)) {
            return false;
        }
        var copy = ctx.remoteCopy.get();
        if (copy != null && copy.remoteFolder().equals(spec) && ctx.target.get() != null) {
            show(describeCopy(copy), false);
            setValid(true);
            return true;
        }
        ctx.target.set(null);
        remoteFolder.set(true);
        show("A folder on " + ctx.ssh.describe() + ": DB Medic can copy its compose file and .env here to read them"
                + " (with cat on the server; nothing there is changed).", false);
        setValid(false);
        return true;
    }

    private static String describeCopy(dbmedic.ui.connect.ssh.RemoteComposeCopy copy) {
        return "✔ Compose folder on " + copy.origin() + " → copied " + String.join(" and ", copy.files())
                + "   (read here, offline; nothing else is run)";
    }

    private void readRemoteFolder() {
        String spec = field.getText() == null ? "" : field.getText().strip();
        commands.fromNow();
        show("Reading " + spec + " on " + ctx.ssh.describe() + " …", false);
        host.run("Reading the compose folder on the server", p -> {
            var copy = dbmedic.ui.connect.ssh.RemoteComposeCopy.fetch(ctx.ssh, spec);
            try {
                return java.util.Map.entry(copy, ctx.medic().resolve(copy.local().toString()));
            } catch (Exception e) {
                copy.delete();
                throw e;
            }
        }, result -> {
            if (!Objects.equals(spec, resolving)) {
                result.getKey().delete(); // the field changed meanwhile
                return;
            }
            var old = ctx.remoteCopy.get();
            ctx.remoteCopy.set(result.getKey());
            ctx.target.set(result.getValue());
            if (old != null && old != result.getKey()) {
                old.delete();
            }
            remoteFolder.set(false);
            show(describeCopy(result.getKey()), false);
            setValid(true);
        }, error -> {
            show(ctx.explain(error), true);
            setValid(false);
        });
    }

    private void resolve() {
        if (host == null) {
            return; // not shown yet: onEnter resolves
        }
        String spec = field.getText() == null ? "" : field.getText().strip();
        resolving = spec;
        offerSsh.set(isUrl(spec) || ctx.ssh.enabled());
        if (resolveRemote(spec)) {
            return;
        }
        if (spec.isEmpty()) {
            show("", false);
            ctx.target.set(null);
            return;
        }
        show("Looking at " + spec + " …", false);
        host.runQuietly(p -> {
            Target t = ctx.medic().resolve(spec);
            ctx.medic().probe(t); // "not a database" here, not one step later
            return t;
        }, target -> {
            if (Objects.equals(spec, resolving)) {
                if (!Objects.equals(ctx.target.get(), target)) {
                    ctx.target.set(target);
                }
                offerSsh.set(offerSsh.get() || !(target instanceof SqliteTarget));
                show(describe(target), false);
                setValid(true);
            }
        }, error -> {
            if (Objects.equals(spec, resolving)) {
                ctx.target.set(null);
                // a path this computer does not have may be on a server: offer SSH
                offerSsh.set(offerSsh.get() || spec.startsWith("/") || spec.startsWith("~"));
                show(ErrorMessages.oneLine(error) + (offerSsh.get() && !ctx.ssh.enabled() && !isUrl(spec)
                        ? " If it is on a server, fill in SSH below." : ""), true);
                setValid(false);
            }
        });
    }

    private void show(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().removeAll("resolve-error", "resolve-ok");
        if (!text.isEmpty()) {
            status.getStyleClass().add(error ? "resolve-error" : "resolve-ok");
        }
    }

    /** "InvokeAI root → databases/invokeai.db", or "SQLite file → invokeai.db". */
    static String describe(Target target) {
        if (target instanceof SqliteTarget st) {
            Path given = st.given().toAbsolutePath();
            Path db = st.database().toAbsolutePath();
            String what = st.appHint() == null ? "SQLite" : AppNames.name(st.appHint());
            if (!given.equals(db) && db.startsWith(given)) {
                return "✔ " + what + " folder → " + given.relativize(db) + "   (" + db + ")";
            }
            return "✔ " + what + " database file → " + db;
        }
        if (target instanceof dbmedic.core.postgres.PostgresTarget) {
            return "✔ PostgreSQL server → " + target.displayName()
                    + "   (diagnosis reads only; DB Medic asks for the password if the URL has none)";
        }
        if (target instanceof dbmedic.core.offline.ComposeFolderTarget) {
            return "✔ Compose folder → " + target.displayName() + "   (read offline; nothing is run)";
        }
        if (target instanceof dbmedic.core.offline.DataDirectoryTarget) {
            return "✔ PostgreSQL data directory → " + target.displayName() + "   (read offline; nothing is run)";
        }
        return "✔ " + target.displayName();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onEnter(StepHost host) {
        this.host = host;
        commands.fromNow();
        if (ctx.target.get() == null || !Objects.equals(resolving, field.getText().strip())) {
            resolve();
        } else {
            setValid(true);
        }
        field.requestFocus();
    }
}
