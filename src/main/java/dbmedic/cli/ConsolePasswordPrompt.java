package dbmedic.cli;

import dbmedic.core.postgres.PasswordPrompt;
import java.io.Console;
import java.util.Optional;

/** Asks for a PostgreSQL password at the terminal, without echo; no terminal, no prompt. */
final class ConsolePasswordPrompt {
    private ConsolePasswordPrompt() {
    }

    static PasswordPrompt orNone() {
        Console console = System.console();
        if (console == null) {
            return PasswordPrompt.NONE;
        }
        return question -> Optional.ofNullable(console.readPassword("%s", question));
    }
}
