package dbmedic.ui.finding;

import dbmedic.core.finding.Finding;
import dbmedic.ui.shell.LinkOpener;
import dbmedic.ui.shell.Widgets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One finding: what, where, the evidence, why, what to do (with its SQL), and its docs page. */
final class FindingCard extends VBox {
    FindingCard(Finding f, LinkOpener links) {
        super(8);
        getStyleClass().addAll("finding-card", "finding-" + f.severity().label());
        getProperties().put(Finding.class, f);

        Label summary = Widgets.wrapped(f.summary(), "finding-summary");
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(10, SeverityBadge.of(f.severity()), summary);
        getChildren().add(top);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Where", f.subject(), "finding-subject");
        row = fact(facts, row, "Evidence", f.evidence(), "finding-evidence");
        row = fact(facts, row, "Cause", f.cause(), "finding-cause");
        if (f.fix() != null) {
            fact(facts, row, "Fix", f.fix().summary(), "finding-fix");
        }
        getChildren().add(facts);

        if (f.fix() != null && !f.fix().sql().isEmpty()) {
            String sql = String.join("\n", f.fix().sql());
            var area = Widgets.code(sql);
            area.getStyleClass().add("finding-sql");
            area.setAccessibleText("SQL for " + f.summary());
            var copy = Widgets.copyButton("Copy SQL", () -> sql);
            copy.getStyleClass().add("copy-sql");
            getChildren().addAll(area, copy);
        }

        Hyperlink docs = new Hyperlink("Docs: " + f.docPage());
        docs.getStyleClass().add("finding-docs");
        docs.setOnAction(e -> {
            String note = links.open(f.docPage());
            if (note != null) {
                docs.setText("Docs: " + f.docPage() + " (" + note + ")");
            }
        });
        getChildren().add(docs);
    }

    private static int fact(GridPane grid, int row, String name, String value, String style) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label key = new Label(name);
        key.getStyleClass().add("fact-name");
        key.setMinWidth(70);
        GridPane.setValignment(key, javafx.geometry.VPos.TOP);
        Label val = Widgets.wrapped(value, style);
        GridPane.setHgrow(val, Priority.ALWAYS);
        grid.addRow(row, key, val);
        return row + 1;
    }
}
