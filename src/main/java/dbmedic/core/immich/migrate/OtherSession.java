package dbmedic.core.immich.migrate;

/** Another session connected to the Immich database (from {@code pg_stat_activity}). */
public record OtherSession(int pid, String user, String applicationName, String clientAddress, String state) {
    /** One line for a refusal: "pid 4242 immich (immich_server) from 172.18.0.5, idle". */
    public String describe() {
        StringBuilder b = new StringBuilder("pid ").append(pid);
        if (user != null && !user.isBlank()) {
            b.append(' ').append(user);
        }
        if (applicationName != null && !applicationName.isBlank()) {
            b.append(" (").append(applicationName).append(')');
        }
        b.append(" from ").append(clientAddress == null || clientAddress.isBlank() ? "a local socket" : clientAddress);
        if (state != null && !state.isBlank()) {
            b.append(", ").append(state);
        }
        return b.toString();
    }
}
