/**
 * Log sources and Immich's log: {@link dbmedic.core.logs.LogSource} (a file read like
 * {@code tail -F}, or {@code docker logs}/{@code kubectl logs}/{@code journalctl} as a child
 * process; the SSH layer runs the same {@link dbmedic.core.logs.LogCommands} on a server),
 * {@link dbmedic.core.logs.ImmichLogParser} (lines → {@link dbmedic.core.logs.LogEvent}s,
 * errors → findings) and {@link dbmedic.core.logs.ReindexWatch} (per-index progress).
 * Toolkit-free: the CLI prints events, the wizard's Watch step shows them.
 */
package dbmedic.core.logs;
