package dbmedic.ui.immich;

import dbmedic.ui.shell.Widgets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A guard's refusal: why (bold), what to do, the details, and a Copy button for statements. */
public final class RefusalCard extends VBox {
    public RefusalCard(RefusalView r) {
        super(8);
        getStyleClass().addAll("finding-card", "finding-error", "refusal-card");
        Label reason = Widgets.wrapped("✖ " + r.reason(), "finding-summary", "refusal-reason");
        Label todo = Widgets.wrapped("What to do: " + r.whatToDo(), "refusal-todo");
        getChildren().addAll(reason, todo);
        if (!r.details().isEmpty()) {
            var details = Widgets.code(String.join("\n", r.details()));
            details.getStyleClass().add("refusal-details");
            getChildren().add(details);
        }
        if (r.copyable() != null && !r.copyable().isBlank()) {
            var copy = Widgets.copyButton("Copy statements", r::copyable);
            copy.getStyleClass().add("copy-refusal");
            getChildren().add(copy);
        }
    }
}
