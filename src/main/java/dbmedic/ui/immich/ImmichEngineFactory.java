package dbmedic.ui.immich;

import dbmedic.core.postgres.PasswordPrompt;

/** Opens the engine for the PostgreSQL URL the user typed (resolved afresh: a URL's password is read once). */
@FunctionalInterface
public interface ImmichEngineFactory {
    ImmichEngine open(String targetSpec, String clientAddress, PasswordPrompt prompt) throws Exception;
}
