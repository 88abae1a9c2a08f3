package dbmedic.core.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to diagnose a live PostgreSQL database.
 *
 * @param clientAddress   the address the app (Immich) connects from, for the pg_hba
 *                        simulation; default the Docker bridge gateway {@code 172.17.0.1}
 * @param appOverride     "immich" or "gpustack" to force that app's checks, null to detect
 * @param passwordPrompt  asked only when no other source has a password and the server wants one
 * @param vectorExtension Immich's {@code DB_VECTOR_EXTENSION} when the user set it
 *                        ({@code pgvector}, {@code pgvecto.rs}, {@code vectorchord}), else null
 * @param timeout         connect, socket and statement timeout, so nothing hangs
 * @param environment     where {@code PGPASSWORD} / {@code PGPASSFILE} are read (the process
 *                        environment; tests pass their own)
 * @param home            the user's home folder, for {@code ~/.pgpass}
 * @param tunnel          where every socket connects instead of the target's host (an SSH
 *                        tunnel's local end; the URL keeps the real host for TLS), null: direct
 */
public record PostgresOptions(String clientAddress, String appOverride, PasswordPrompt passwordPrompt,
                              String vectorExtension, Duration timeout, Map<String, String> environment, Path home,
                              TunnelEndpoint tunnel) {
    public static final String DEFAULT_CLIENT_ADDRESS = "172.17.0.1";

    public PostgresOptions {
        clientAddress = clientAddress == null || clientAddress.isBlank() ? DEFAULT_CLIENT_ADDRESS : clientAddress.strip();
        passwordPrompt = passwordPrompt == null ? PasswordPrompt.NONE : passwordPrompt;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        home = home == null ? Path.of(System.getProperty("user.home", ".")) : home;
    }

    /** Direct connection (no tunnel). */
    public PostgresOptions(String clientAddress, String appOverride, PasswordPrompt passwordPrompt,
                           String vectorExtension, Duration timeout, Map<String, String> environment, Path home) {
        this(clientAddress, appOverride, passwordPrompt, vectorExtension, timeout, environment, home, null);
    }

    /** The process environment and home folder, no prompt, detection on. */
    public static PostgresOptions defaults() {
        return new PostgresOptions(null, null, null, null, null, System.getenv(), null);
    }

    public PostgresOptions withClientAddress(String address) {
        return new PostgresOptions(address, appOverride, passwordPrompt, vectorExtension, timeout, environment, home, tunnel);
    }

    public PostgresOptions withApp(String app) {
        return new PostgresOptions(clientAddress, app, passwordPrompt, vectorExtension, timeout, environment, home, tunnel);
    }

    public PostgresOptions withPasswordPrompt(PasswordPrompt prompt) {
        return new PostgresOptions(clientAddress, appOverride, prompt, vectorExtension, timeout, environment, home, tunnel);
    }

    public PostgresOptions withVectorExtension(String setting) {
        return new PostgresOptions(clientAddress, appOverride, passwordPrompt, setting, timeout, environment, home, tunnel);
    }

    public PostgresOptions withTimeout(Duration t) {
        return new PostgresOptions(clientAddress, appOverride, passwordPrompt, vectorExtension, t, environment, home, tunnel);
    }

    public PostgresOptions withEnvironment(Map<String, String> env, Path homeFolder) {
        return new PostgresOptions(clientAddress, appOverride, passwordPrompt, vectorExtension, timeout, env, homeFolder, tunnel);
    }

    /** Every socket to the server goes to {@code endpoint} (an SSH tunnel); null: connect directly. */
    public PostgresOptions withTunnel(TunnelEndpoint endpoint) {
        return new PostgresOptions(clientAddress, appOverride, passwordPrompt, vectorExtension, timeout, environment, home, endpoint);
    }
}
