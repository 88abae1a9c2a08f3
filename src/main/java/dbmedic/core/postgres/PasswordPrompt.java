package dbmedic.core.postgres;

import java.util.Optional;

/**
 * Asks the user for a password when no other source has one and the server wants one. The
 * face supplies it (the CLI reads the console without echo, the wizard shows a password
 * field). The returned array is cleared by the engine after use.
 */
@FunctionalInterface
public interface PasswordPrompt {
    /** @param question e.g. {@code Password for user immich on 10.0.0.5:5432/immich: } */
    Optional<char[]> ask(String question);

    PasswordPrompt NONE = question -> Optional.empty();
}
