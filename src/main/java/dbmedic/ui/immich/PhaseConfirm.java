package dbmedic.ui.immich;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The "are you sure" before a phase runs: what will happen, that Immich must stay stopped, that Cancel rolls back. */
public final class PhaseConfirm {
    public static final String CONFIRM_ID = "confirmPhase";

    private PhaseConfirm() {
    }

    public static boolean ask(Window owner, PlanView plan, int phase) {
        ButtonType go = new ButtonType("Migrate now", ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, no);
        alert.initOwner(owner);
        alert.setTitle("Change the database");
        int n = plan.phases().get(phase).statements().size();
        String which = plan.phases().size() > 1 ? "phase " + (phase + 1) + " of " + plan.phases().size() + " of " : "";
        alert.setHeaderText("Run " + which + "\"" + plan.title() + "\"?");
        alert.setContentText(n + (n == 1 ? " statement runs" : " statements run") + " in one transaction: all of them, or none. "
                + "Keep Immich stopped until DB Medic says it is done. If you press Cancel while it runs, "
                + "everything is rolled back and the database stays as it is now. Your verified backup stays where it is.");
        alert.getDialogPane().setMinWidth(520);
        alert.getDialogPane().lookupButton(go).setId(CONFIRM_ID);
        alert.getDialogPane().lookupButton(no).setId("cancelPhase");
        // the safe answer is the default: Enter alone must not change a database
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }
}
