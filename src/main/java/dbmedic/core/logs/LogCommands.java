package dbmedic.core.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that reads a source, as an argument list (never a shell string): run locally
 * by {@link ProcessLogSource}, or on a server by the SSH layer, which quotes each argument.
 * Names were checked by {@link LogSourceSpec#parse} (none starts with {@code -}).
 */
public final class LogCommands {
    private LogCommands() {
    }

    /**
     * E.g. {@code docker logs -f --tail 200 immich_server},
     * {@code kubectl logs -f --tail=200 immich-server-0 -n immich},
     * {@code journalctl -f -u immich-server -o cat -n 200 --no-pager},
     * {@code tail -F -n 200 /var/log/immich.log}.
     */
    public static List<String> command(LogSourceSpec spec, Tail tail, boolean follow) {
        List<String> args = new ArrayList<>();
        switch (spec.kind()) {
            case DOCKER -> {
                args.add("docker");
                args.add("logs");
                if (follow) {
                    args.add("-f");
                }
                args.add("--tail");
                args.add(tail.isAll() ? "all" : Integer.toString(tail.lines()));
                args.add(spec.name());
            }
            case KUBECTL -> {
                args.add("kubectl");
                args.add("logs");
                if (follow) {
                    args.add("-f");
                }
                args.add("--tail=" + (tail.isAll() ? "-1" : Integer.toString(tail.lines())));
                args.add(spec.name());
                if (spec.namespace() != null) {
                    args.add("-n");
                    args.add(spec.namespace());
                }
            }
            case JOURNAL -> {
                args.add("journalctl");
                if (follow) {
                    args.add("-f");
                }
                args.add("-u");
                args.add(spec.name());
                // -o cat: the unit's own text, without journald's date/host/pid prefix.
                args.add("-o");
                args.add("cat");
                if (tail.isAll()) {
                    args.add("--no-tail");
                } else {
                    args.add("-n");
                    args.add(Integer.toString(tail.lines()));
                }
                args.add("--no-pager");
            }
            case FILE -> {
                args.add("tail");
                if (follow) {
                    args.add("-F");
                }
                args.add("-n");
                args.add(tail.isAll() ? "+1" : Integer.toString(tail.lines()));
                // "--" so a path starting with "-" stays a path.
                args.add("--");
                args.add(spec.name());
            }
            default -> throw new IllegalArgumentException(spec.kind().toString());
        }
        return List.copyOf(args);
    }

    /** Lists running containers' names, one per line: what the wizard offers instead of typing. */
    public static List<String> listContainers() {
        return List.of("docker", "ps", "--format", "{{.Names}}");
    }
}
