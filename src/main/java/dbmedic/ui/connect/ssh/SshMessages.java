package dbmedic.ui.connect.ssh;

import dbmedic.core.ssh.SshFailure;

/** The engine's SSH failures as the wizard says them: its hints name the CLI's flags, the wizard has a dialog. */
public final class SshMessages {
    private SshMessages() {
    }

    public static String of(SshFailure e) {
        String m = e.getMessage();
        if (e.kind() == SshFailure.Kind.UNKNOWN_HOST_REJECTED) {
            m = m.replace(" (--accept-new-host-key on the command line)", "")
                    .replace("then accept it", "then connect again and trust it when asked");
        }
        return m;
    }

    /** {@link #of} when {@code error} is (or wraps) an SSH failure; null otherwise. */
    public static String ofAny(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SshFailure f) {
                return of(f);
            }
        }
        return null;
    }
}
