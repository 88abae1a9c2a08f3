package dbmedic.ui.connect.ssh;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;

/**
 * The remote commands of the wizard's SSH session, as they are about to run ("Running on
 * admin@nas: docker ps …"): the last few, on the page that runs them. Hidden while there are none.
 */
public final class RemoteCommandsView extends Label {
    static final int SHOWN = 4;
    private final SshLink link;
    /** Index of the first command this page shows: the ones run since it was entered. */
    private int from;

    public RemoteCommandsView(SshLink link, String id) {
        this.link = link;
        setId(id);
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().addAll("mono", "text-muted", "remote-commands");
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        link.commands.addListener((ListChangeListener<String>) c -> refresh());
    }

    /** From now on: the page was entered, earlier commands belong to other pages. */
    public void fromNow() {
        from = link.commands.size();
        refresh();
    }

    private void refresh() {
        var all = link.commands;
        from = Math.min(from, all.size());
        setText(String.join("\n", all.subList(Math.max(from, all.size() - SHOWN), all.size())));
    }
}
