package dbmedic.ui.shell;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A read-only table of text columns over rows of any type, sized to its rows. */
public final class TextTable<T> extends TableView<T> {
    public TextTable(String placeholder) {
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(placeholder));
        setFixedCellSize(30);
        setPrefHeight(30 * 2 + 46);
    }

    /** Adds a column; {@code styles} go on its cells ("number", "mono"). */
    public TextTable<T> column(String header, Function<T, String> value, String... styles) {
        TableColumn<T, String> col = new TableColumn<>(header);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.getStyleClass().addAll(styles);
        col.setSortable(false);
        getColumns().add(col);
        return this;
    }

    public void show(List<T> rows) {
        setItems(FXCollections.observableArrayList(rows));
        // header (about 40 px) + rows + borders, so every row shows without a scroll bar
        double height = 30 * Math.max(2, rows.size()) + 46;
        setPrefHeight(height);
        setMinHeight(height);
    }
}
