package dbmedic.core.logs;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the log tools' own error lines ({@code Error response from daemon: No such
 * container: x}, {@code Error from server (NotFound): pods "x" not found}, ...) and turns a
 * failed run into one line for the user. Public for the SSH layer, which runs the same
 * commands on a server.
 */
public final class ToolErrors {
    private static final Pattern DOCKER_LINE = Pattern.compile(
            "^(Error response from daemon:|Error: No such container|Cannot connect to the Docker daemon"
                    + "|(Got )?permission denied while trying to connect to the Docker daemon"
                    + "|unknown (shorthand )?flag|docker: )");
    private static final Pattern KUBECTL_LINE = Pattern.compile(
            "^(Error from server|error: |The connection to the server .* was refused|Unable to connect to the server)");
    private static final Pattern JOURNAL_LINE = Pattern.compile(
            "^(-- No entries --$|No journal files were found|Hint: You are currently not seeing messages"
                    + "|Users in groups .* can see all messages|Pass -q to turn off this notice|Failed to add filter)");
    private static final Pattern SHELL_NOT_FOUND = Pattern.compile("(command not found|: not found|No such file or directory)");
    private static final Pattern NO_SUCH_CONTAINER = Pattern.compile("No such container: ?(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern K8S_NOT_FOUND = Pattern.compile("(pods|namespaces|deployments[.\\w]*|statefulsets[.\\w]*) \"([^\"]+)\" not found");

    private ToolErrors() {
    }

    /** True for a line the tool printed about itself rather than a log line of the app. */
    public static boolean isToolLine(LogSourceSpec.Kind kind, String line) {
        Pattern p = switch (kind) {
            case DOCKER -> DOCKER_LINE;
            case KUBECTL -> KUBECTL_LINE;
            case JOURNAL -> JOURNAL_LINE;
            case FILE -> null;
        };
        return p != null && line != null && p.matcher(line).find();
    }

    /**
     * The one-line message for a run that ended with {@code exitCode}, given the tool's
     * own lines (null/empty when none); e.g. "docker: no such container immich_server".
     */
    public static String message(LogSourceSpec spec, int exitCode, String toolOutput) {
        String out = toolOutput == null ? "" : toolOutput.strip();
        String tool = tool(spec);
        if (exitCode == 127 || (out.contains(tool) && SHELL_NOT_FOUND.matcher(firstLine(out)).find()
                && !out.startsWith("Error"))) {
            return notFound(spec);
        }
        switch (spec.kind()) {
            case DOCKER -> {
                Matcher m = NO_SUCH_CONTAINER.matcher(out);
                if (m.find()) {
                    return "docker: no such container " + m.group(1)
                            + " (see the running ones with: docker ps --format '{{.Names}}')";
                }
                if (out.contains("Cannot connect to the Docker daemon")) {
                    return "docker: cannot connect to the Docker daemon (is it running?)";
                }
                if (out.toLowerCase(Locale.ROOT).contains("permission denied")) {
                    return "docker: permission denied on the Docker socket (is your user in the docker group?)";
                }
            }
            case KUBECTL -> {
                Matcher m = K8S_NOT_FOUND.matcher(out);
                if (m.find()) {
                    String what = m.group(1).startsWith("namespaces") ? "namespace" : m.group(1).replaceAll("s(\\..*)?$", "");
                    String where = spec.namespace() != null && !what.equals("namespace") ? " in namespace " + spec.namespace() : "";
                    return "kubectl: " + what + " " + m.group(2) + " not found" + where;
                }
                if (out.contains("Unable to connect to the server") || out.contains("was refused")) {
                    return "kubectl: cannot reach the cluster (" + firstLine(out) + ")";
                }
                if (out.contains("Forbidden") || out.contains("forbidden")) {
                    return "kubectl: not allowed to read these logs (" + firstLine(out) + ")";
                }
            }
            case JOURNAL -> {
                if (out.contains("No journal files were found")) {
                    return "journalctl: no journal files were found (run as root or as a member of systemd-journal)";
                }
            }
            default -> {
            }
        }
        String detail = out.isEmpty() ? "" : ": " + firstLine(out);
        return tool + ": exited with status " + exitCode + detail;
    }

    /** The message when the tool is not installed, e.g. "docker: command not found". */
    public static String notFound(LogSourceSpec spec) {
        String tool = tool(spec);
        return tool + ": command not found (install it or add it to PATH)";
    }

    /** The tool's name as run: docker, kubectl, journalctl, tail. */
    public static String tool(LogSourceSpec spec) {
        List<String> command = LogCommands.command(spec, Tail.last(0), false);
        return command.get(0);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
