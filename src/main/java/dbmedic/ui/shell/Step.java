package dbmedic.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

/**
 * One page of the wizard. The shell shows {@link #view()}, binds Next to {@link #validProperty()},
 * and calls {@link #onEnter(StepHost)} each time the page is shown; slow work started there
 * goes through {@link StepHost#run} so it never blocks the FX thread.
 */
public abstract class Step {
    private final String key;
    private final String title;
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final BooleanProperty inFlow = new SimpleBooleanProperty(true);

    /** {@code key} is a stable lower-case name used for node ids ("connect" → #step-connect). */
    protected Step(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public final String key() {
        return key;
    }

    public final String title() {
        return title;
    }

    /** The page; built once and kept, so the user's input survives Back and Next. */
    public abstract Node view();

    public final ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    protected final void setValid(boolean value) {
        valid.set(value);
    }

    /**
     * False when this page does not belong to the current flow (the SQLite repair steps for a
     * PostgreSQL target, the image-swap pause for a one-phase plan): the sidebar hides it and
     * Back / Next pass over it.
     */
    public final BooleanProperty inFlowProperty() {
        return inFlow;
    }

    public final boolean inFlow() {
        return inFlow.get();
    }

    /** The page is now shown. Start background work here through the host. */
    public void onEnter(StepHost host) {
    }

    /** The page is about to be hidden. */
    public void onLeave() {
    }

    /**
     * Keys that act on this page while it is shown (installed and removed by the shell). For
     * check boxes: a JavaFX mnemonic only sends them an ActionEvent, which does not toggle them.
     */
    public java.util.Map<javafx.scene.input.KeyCombination, Runnable> shortcuts() {
        return java.util.Map.of();
    }

    /** The text of the Next button while this page is shown. */
    public String nextLabel() {
        return "_Next";
    }
}
