package dbmedic.core.immich.migrate;

import java.util.List;

/**
 * The pause between the two phases of the two-phase plan: the user replaces the database
 * image with one that ships VectorChord, then runs phase 2.
 *
 * @param summary      one paragraph: what to do and why
 * @param instructions per setup (compose, Helm/CNPG, Home Assistant add-on)
 */
public record ImageSwap(String summary, List<SetupInstruction> instructions) {
    public ImageSwap {
        instructions = List.copyOf(instructions);
    }
}
