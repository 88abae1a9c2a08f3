package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.RemoteDocker;
import dbmedic.ui.shell.StepHost;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A container on the SSH server, picked from its running containers ({@code docker ps} over
 * the wizard's session) rather than typed; still editable for a stopped one. The default is
 * the first whose name matches {@code preferred} (e.g. {@code immich_postgres}).
 */
public final class ContainerPicker extends HBox {
    private final ComboBox<String> name = new ComboBox<>();
    private final Button list = new Button("List containers");
    private final SshLink link;
    private final List<String> preferred;
    private boolean listed;

    /** @param preferred name fragments in order of preference, lower case: the first match is chosen */
    public ContainerPicker(SshLink link, String id, String initial, List<String> preferred) {
        super(8);
        this.link = link;
        this.preferred = preferred;
        name.setId(id);
        name.setEditable(true);
        name.getEditor().setText(initial);
        name.setPrefWidth(280);
        HBox.setHgrow(name, Priority.SOMETIMES);
        list.setId(id + "List");
        getChildren().addAll(name, list);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        link.server.addListener((o, a, b) -> listed = false);
    }

    /** The container as chosen or typed. */
    public String value() {
        String t = name.getEditor().getText();
        return t == null ? "" : t.strip();
    }

    /** "List containers": shown only when an SSH server is set. */
    public Button listButton() {
        return list;
    }

    public ComboBox<String> comboBox() {
        return name;
    }

    /** Wires the button to the page's host; {@code problem} gets the plain line when docker ps fails. */
    public void install(java.util.function.Supplier<StepHost> host, Consumer<String> problem) {
        list.setOnAction(e -> refresh(host.get(), problem));
    }

    /** Lists the containers once per server (the command is shown first), unless done already. */
    public void listOnce(StepHost host, Consumer<String> problem) {
        if (!listed && link.enabled()) {
            refresh(host, problem);
        }
    }

    private void refresh(StepHost host, Consumer<String> problem) {
        listed = true;
        list.setDisable(true);
        host.runQuietly(p -> new RemoteDocker(link.connection()).runningContainers(), containers -> {
            list.setDisable(false);
            List<String> names = containers.stream().map(RemoteDocker.Container::name).toList();
            name.getItems().setAll(names);
            String pick = choose(containers);
            if (pick != null) {
                name.getSelectionModel().select(pick);
                name.getEditor().setText(pick);
            }
        }, e -> {
            list.setDisable(false);
            listed = false;
            problem.accept(dbmedic.ui.shell.ErrorMessages.oneLine(e));
        });
    }

    private String choose(List<RemoteDocker.Container> containers) {
        for (String p : preferred) {
            for (RemoteDocker.Container c : containers) {
                if (c.name().toLowerCase(Locale.ROOT).contains(p)) {
                    return c.name();
                }
            }
        }
        return null;
    }
}
