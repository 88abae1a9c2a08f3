package dbmedic.ui.backup;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Table name → row count(s), one column per count ("Rows", or "Before" / "After"). */
public final class RowCountTable extends TableView<RowCountTable.Row> {
    public record Row(String table, List<String> counts) {
    }

    public RowCountTable(String... countHeaders) {
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> name = new TableColumn<>("Table");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        getColumns().add(name);
        for (int i = 0; i < countHeaders.length; i++) {
            int at = i;
            TableColumn<Row, String> col = new TableColumn<>(countHeaders[i]);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().counts().get(at)));
            col.getStyleClass().add("number");
            getColumns().add(col);
        }
        setPrefHeight(220);
        setPlaceholder(new javafx.scene.control.Label("No tables"));
    }

    public void showCounts(Map<String, Long> counts) {
        setItems(FXCollections.observableArrayList(counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Row(e.getKey(), List.of(String.format("%,d", e.getValue())))).toList()));
    }

    public void showBeforeAfter(Map<String, long[]> counts) {
        setItems(FXCollections.observableArrayList(counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Row(e.getKey(), List.of(String.format("%,d", e.getValue()[0]),
                        String.format("%,d", e.getValue()[1])))).toList()));
    }
}
