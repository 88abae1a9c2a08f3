package dbmedic.core.ssh;

/** Told every remote command, exactly as it will run, before it runs (the user sees it). */
@FunctionalInterface
public interface RemoteCommandListener {
    /** @param commandLine the quoted command line sent to the server's shell */
    void aboutToRun(String destination, String commandLine);

    RemoteCommandListener NONE = (destination, commandLine) -> { };
}
