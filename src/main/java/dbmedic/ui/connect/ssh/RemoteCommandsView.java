package dbmedic.ui.connect.ssh;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;

/**
 * The remote commands of the wizard's SSH session, as they are about to run ("Running on
 * admin@nas: docker ps …"): the last few, on the page that runs them. Hidden while there are none.
 */
public final class RemoteCommandsView extends Label {
    static final int SHOWN = 4;

    public RemoteCommandsView(SshLink link, String id) {
        setId(id);
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().addAll("mono", "text-muted", "remote-commands");
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        link.commands.addListener((ListChangeListener<String>) c -> {
            var all = link.commands;
            setText(String.join("\n", all.subList(Math.max(0, all.size() - SHOWN), all.size())));
        });
    }
}
