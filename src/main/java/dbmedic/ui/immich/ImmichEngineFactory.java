package dbmedic.ui.immich;

import dbmedic.core.postgres.PasswordPrompt;

/** Opens the engine for the PostgreSQL URL the user typed (resolved afresh: a URL's password is read once). */
@FunctionalInterface
public interface ImmichEngineFactory {
    /** @param tunnel the local end of an SSH tunnel to the database, or null for a direct connection */
    ImmichEngine open(String targetSpec, String clientAddress, PasswordPrompt prompt,
                      dbmedic.core.postgres.TunnelEndpoint tunnel) throws Exception;
}
