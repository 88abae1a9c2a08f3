package dbmedic.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The one-line message row under the header: an error (red, "Problem:") or a notice. */
final class Banner extends HBox {
    private final Label text = new Label();

    Banner() {
        setId("banner");
        getStyleClass().add("banner");
        text.setId("bannerText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("Dismiss");
        close.setId("dismissBanner");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> hide());
        getChildren().addAll(text, close);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    void error(String line) {
        show(line, "banner-error", "Problem: ");
    }

    void notice(String line) {
        show(line, "banner-notice", "");
    }

    private void show(String line, String kind, String prefix) {
        getStyleClass().removeAll("banner-error", "banner-notice");
        getStyleClass().add(kind);
        text.setText(prefix + line);
        setVisible(true);
    }

    void hide() {
        setVisible(false);
        text.setText("");
    }

    String text() {
        return text.getText();
    }
}
