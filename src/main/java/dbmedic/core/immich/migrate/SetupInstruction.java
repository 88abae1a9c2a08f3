package dbmedic.core.immich.migrate;

import java.util.List;

/**
 * What to change for one kind of setup when the database image must be swapped.
 *
 * @param setup id: {@code compose}, {@code helm-cnpg}, {@code home-assistant}
 * @param title "Docker Compose", ...
 * @param steps the exact edits, in order
 */
public record SetupInstruction(String setup, String title, List<String> steps) {
    public SetupInstruction {
        steps = List.copyOf(steps);
    }
}
