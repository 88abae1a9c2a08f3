package dbmedic.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The step list: the current step highlighted and marked "▶", finished ones marked "✓". */
final class Sidebar extends VBox {
    private final List<Label> items = new ArrayList<>();
    private final List<Step> steps;

    Sidebar(List<Step> steps) {
        this.steps = steps;
        setId("sidebar");
        getStyleClass().add("sidebar");
        Label brand = new Label("DB Medic");
        brand.getStyleClass().add("brand");
        getChildren().add(brand);
        for (int i = 0; i < steps.size(); i++) {
            Label item = new Label();
            item.setId("step-" + steps.get(i).key());
            item.getStyleClass().add("step-item");
            item.setMaxWidth(Double.MAX_VALUE);
            item.visibleProperty().bind(steps.get(i).inFlowProperty());
            item.managedProperty().bind(item.visibleProperty());
            items.add(item);
            getChildren().add(item);
        }
    }

    /** Marks {@code current}; steps before it are done; numbers count the steps of this flow only. */
    void show(int current) {
        int number = 0;
        for (int i = 0; i < items.size(); i++) {
            if (steps.get(i).inFlow()) {
                number++;
            }
            Label item = items.get(i);
            item.getStyleClass().removeAll("current", "done");
            String mark;
            if (i == current) {
                item.getStyleClass().add("current");
                mark = "▶";
            } else if (i < current) {
                item.getStyleClass().add("done");
                mark = "✓";
            } else {
                mark = String.valueOf(number);
            }
            item.setText(mark + "  " + steps.get(i).title());
            item.setAccessibleText(steps.get(i).title() + (i == current ? ", current step" : i < current ? ", done" : ""));
        }
    }
}
