package dbmedic.ui.shell;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** The window icon, drawn in code (a database cylinder with a medic's cross) so no binary is shipped. */
public final class WindowIcon {
    private WindowIcon() {
    }

    /** Must run on the FX thread (it takes a snapshot). */
    public static Image draw(int size) {
        Canvas c = new Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        double s = size / 64.0;
        g.setFill(Color.web("#0969da"));
        g.fillRoundRect(0, 0, size, size, 14 * s, 14 * s);
        g.setFill(Color.WHITE);
        g.fillOval(14 * s, 8 * s, 36 * s, 12 * s);
        g.fillRect(14 * s, 14 * s, 36 * s, 36 * s);
        g.fillOval(14 * s, 44 * s, 36 * s, 12 * s);
        g.setFill(Color.web("#cf222e"));
        g.fillRect(28 * s, 24 * s, 8 * s, 24 * s);
        g.fillRect(20 * s, 32 * s, 24 * s, 8 * s);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return c.snapshot(p, null);
    }
}
