package dbmedic.ui.immich;

import java.util.List;

/**
 * A migration plan offered to the user.
 *
 * @param id          the engine's id (journal, CLI)
 * @param title       one line
 * @param explanation why this plan, in plain words
 * @param recommended the one to pick when unsure (listed first)
 * @param phases      one, or two when the database image has to be swapped in between
 * @param refusals    the guards that refuse this plan now (empty: it may be applied)
 * @param afterwards  what the user does once every phase is applied
 * @param engine      the engine's plan, handed back to apply
 */
public record PlanView(String id, String title, String explanation, boolean recommended, List<PhaseView> phases,
                       List<RefusalView> refusals, List<String> afterwards, Object engine) {
    public PlanView {
        phases = List.copyOf(phases);
        refusals = List.copyOf(refusals);
        afterwards = List.copyOf(afterwards);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public boolean hasImageSwap() {
        return phases.stream().anyMatch(p -> p.swap() != null);
    }

    /**
     * One transaction's statements; {@code swap} is the pause after it (null when none).
     */
    public record PhaseView(String name, List<String> statements, SwapView swap, Object engine) {
        public PhaseView {
            statements = List.copyOf(statements);
        }
    }

    /**
     * What the user changes between the phases, per kind of setup (tab title → instructions).
     */
    public record SwapView(String summary, List<SetupInstructions> setups) {
        public SwapView {
            setups = List.copyOf(setups);
        }
    }

    public record SetupInstructions(String setup, String instructions) {
    }
}
