package dbmedic.ui.imageswap;

import dbmedic.ui.WizardContext;
import dbmedic.ui.connect.FxPasswordPrompt;
import dbmedic.ui.immich.MigrationOffer;
import dbmedic.ui.shell.WizardShell;

/**
 * A migration left half-way (DB Medic closed during the image swap, the computer restarted):
 * as soon as the diagnosis shows a live Immich database, its journal is looked up quietly,
 * and the wizard goes straight to the Image swap page with a notice.
 */
public final class ResumeOffer {
    private ResumeOffer() {
    }

    public static void install(WizardContext ctx, WizardShell shell) {
        ctx.immich.active.addListener((o, was, active) -> {
            if (!active || ctx.immich.offer.get() != null) {
                return;
            }
            String spec = ctx.targetText.get();
            String client = dbmedic.ui.connect.ConnectStep.blankToNull(ctx.clientAddress.get());
            var target = ctx.target.get();
            shell.runQuietly(p -> ctx.immich.engine(spec, client, new FxPasswordPrompt(shell.window())).offer(p), offer -> {
                // the target may have changed meanwhile; then this answer is about another database
                if (ctx.target.get() != target || !ctx.immich.active.get()) {
                    return;
                }
                MigrationOffer.Pending pending = offer.pending();
                if (pending == null) {
                    return;
                }
                ctx.immich.offer.set(offer);
                ctx.immich.plan.set(pending.plan());
                ctx.immich.phasesDone.set(pending.nextPhase());
                if (pending.plan().hasImageSwap()) {
                    shell.goTo("imageswap");
                } else {
                    shell.goTo("migrate");
                }
                shell.showNotice("A migration of this database was started earlier (\"" + pending.plan().title()
                        + "\", phase " + pending.nextPhase() + " of " + pending.plan().phases().size()
                        + " done). DB Medic continues it from its journal.");
            }, e -> {
                // the Migrate page reads the server again and shows any problem there
            });
        });
    }
}
