package dbmedic.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;

/** Small building blocks the steps share. */
public final class Widgets {
    private Widgets() {
    }

    /** Read-only monospace text (SQL, hashes) that can be selected and copied. */
    public static TextArea code(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code");
        area.setPrefRowCount((int) Math.min(12, Math.max(1, text.lines().count())));
        return area;
    }

    /** A button that puts {@code text} on the clipboard and says so. */
    public static Button copyButton(String label, java.util.function.Supplier<String> text) {
        Button b = new Button(label);
        b.getStyleClass().add("small");
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            b.setText("Copied");
        });
        return b;
    }

    public static Label wrapped(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll(styles);
        return l;
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s (%,d bytes)", v, units[u], bytes);
    }
}
