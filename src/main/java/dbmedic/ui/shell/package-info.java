/**
 * The wizard's frame, independent of any one flow.
 *
 * <p>A flow is a list of {@link dbmedic.ui.shell.Step}s handed to
 * {@link dbmedic.ui.shell.WizardShell}. To add a step: subclass {@code Step} with a stable key
 * (used for node ids, {@code #step-<key>}) and a title; build its page once in the constructor
 * and return it from {@code view()}; call {@code setValid(true)} when Next may go on (the shell
 * binds Next to it, and moves focus to Next when it turns valid); start slow work in
 * {@code onEnter(host)} through {@code host.run(title, progress -> ..., onSuccess)}, which runs it
 * off the FX thread with the progress bar and Cancel (Esc), and shows any failure as one line in
 * the banner. Shared results live in {@link dbmedic.ui.WizardContext}; clear what depends on an
 * input when that input changes. Page-specific keys go in {@code shortcuts()}.
 *
 * <p>All flows share one list of steps in {@link dbmedic.ui.WizardWindow}; a step that belongs
 * to one flow only binds its {@code inFlowProperty()} to when it applies (the SQLite repair
 * steps to a SQLite target, the Immich steps to a live Immich database); the sidebar hides
 * the others and Back / Next pass over them.
 */
package dbmedic.ui.shell;
