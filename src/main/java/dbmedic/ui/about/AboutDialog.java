package dbmedic.ui.about;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Version, what DB Medic is, where its log file is: what a bug report needs first. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** A small "About DB Medic" link for the sidebar's footer. */
    public static Hyperlink link() {
        Hyperlink link = new Hyperlink("About DB Medic");
        link.setId("aboutLink");
        link.setStyle("-fx-padding: 4 20 0 20;");
        link.setOnAction(e -> {
            link.setVisited(false);
            show(link.getScene() == null ? null : link.getScene().getWindow());
        });
        return link;
    }

    public static void show(Window owner) {
        AboutInfo info = AboutInfo.current();
        Alert alert = new Alert(Alert.AlertType.NONE);
        alert.initOwner(owner);
        alert.setTitle("About DB Medic");
        alert.setHeaderText("DB Medic " + info.version());

        Label purpose = new Label(info.purpose());
        purpose.setWrapText(true);
        Label logTitle = new Label("Log file");
        // selectable, so the path can be copied into a file manager or a bug report
        TextField log = new TextField(info.logFile().toString());
        log.setId("aboutLogFile");
        log.setEditable(false);
        log.setPrefColumnCount(40);
        VBox content = new VBox(8, purpose, logTitle, log, new Label(info.runtime()), new Label(info.license()));
        content.setId("aboutContent");
        content.setPrefWidth(520);
        alert.getDialogPane().setContent(content);

        ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        // Enter closes; copying is the exception
        ((Button) alert.getDialogPane().lookupButton(copy)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CLOSE)).setDefaultButton(true);
        alert.setOnShown(e -> Platform.runLater(() -> alert.getDialogPane().lookupButton(ButtonType.CLOSE).requestFocus()));
        alert.showAndWait().filter(copy::equals).ifPresent(b -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(info.asText());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }
}
