package dbmedic.core.ssh;

/** The user's answer when a host's key is not in known_hosts yet. */
public enum HostKeyDecision {
    /** Trust it and append it to known_hosts. */
    ACCEPT_AND_REMEMBER,
    /** Trust it for this connection only. */
    ACCEPT_ONCE,
    /** Do not connect. */
    REJECT
}
