package dbmedic.core.logs;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed SOURCE argument: a plain path or {@code file:PATH}, {@code docker:CONTAINER},
 * {@code kubectl:NAMESPACE/POD} (POD may be {@code deploy/NAME}), {@code journal:UNIT}.
 * Names are checked here because they end up in a command line, possibly on a server:
 * one starting with {@code -} would be read as an option.
 *
 * @param kind what kind of source
 * @param name the path, container, pod or unit
 * @param namespace the Kubernetes namespace, or null (kubectl's current namespace)
 */
public record LogSourceSpec(Kind kind, String name, String namespace) {
    public enum Kind { FILE, DOCKER, KUBECTL, JOURNAL }

    // Docker: names [a-zA-Z0-9][a-zA-Z0-9_.-]+ or ids (hex); Kubernetes: DNS-1123 names.
    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern POD = Pattern.compile("([a-z]+/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern KINDS = Pattern.compile(
            "pods?|deploy|deployments?|sts|statefulsets?|jobs?|ds|daemonsets?|rs|replicasets?");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.@:\\\\-]+");

    public LogSourceSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static LogSourceSpec file(String path) {
        return new LogSourceSpec(Kind.FILE, path, null);
    }

    public static LogSourceSpec docker(String container) {
        return new LogSourceSpec(Kind.DOCKER, container, null);
    }

    public static LogSourceSpec kubectl(String namespace, String pod) {
        return new LogSourceSpec(Kind.KUBECTL, pod, namespace);
    }

    public static LogSourceSpec journal(String unit) {
        return new LogSourceSpec(Kind.JOURNAL, unit, null);
    }

    /** Parses SOURCE; an unusable one is a {@link LogSourceException} with one line saying why. */
    public static LogSourceSpec parse(String source) throws LogSourceException {
        String s = source == null ? "" : source.strip();
        if (s.isEmpty()) {
            throw new LogSourceException("the log source is empty (give a file, docker:CONTAINER, kubectl:NAMESPACE/POD or journal:UNIT)");
        }
        int colon = s.indexOf(':');
        String scheme = colon > 0 ? s.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String rest = colon > 0 ? s.substring(colon + 1) : s;
        switch (scheme) {
            case "file" -> {
                if (rest.isEmpty()) {
                    throw new LogSourceException("file: needs a path, e.g. file:/var/log/immich.log");
                }
                return file(rest);
            }
            case "docker" -> {
                if (!CONTAINER.matcher(rest).matches()) {
                    throw new LogSourceException("docker: not a container name: '" + rest + "' (e.g. docker:immich_server)");
                }
                return docker(rest);
            }
            case "kubectl", "k8s" -> {
                String[] parts = rest.split("/", -1);
                String ns = null;
                String pod = rest;
                if (parts.length == 2 && !KINDS.matcher(parts[0]).matches()) {
                    ns = parts[0];
                    pod = parts[1];
                } else if (parts.length == 3 && KINDS.matcher(parts[1]).matches()) {
                    ns = parts[0];
                    pod = parts[1] + "/" + parts[2];
                }
                if (ns != null && !K8S_NAME.matcher(ns).matches() || !POD.matcher(pod).matches()) {
                    throw new LogSourceException("kubectl: not a namespace/pod: '" + rest + "' (e.g. kubectl:immich/immich-server-7d9f-abcde)");
                }
                return kubectl(ns, pod);
            }
            case "journal", "journalctl" -> {
                if (!UNIT.matcher(rest).matches() || rest.startsWith("-")) {
                    throw new LogSourceException("journal: not a unit name: '" + rest + "' (e.g. journal:immich-server.service)");
                }
                return journal(rest);
            }
            default -> {
                // A Windows drive letter (C:\...) or any other colon: a plain path.
                return file(s);
            }
        }
    }

    /** The SOURCE form again, e.g. {@code docker:immich_server}. */
    public String toSourceString() {
        return switch (kind) {
            case FILE -> "file:" + name;
            case DOCKER -> "docker:" + name;
            case KUBECTL -> "kubectl:" + (namespace == null ? "" : namespace + "/") + name;
            case JOURNAL -> "journal:" + name;
        };
    }
}
