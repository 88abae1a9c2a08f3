package dbmedic.core.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting for remote commands: SSH sends one string that the server's shell
 * splits, so every argument is single-quoted unless it is plainly safe. A name like
 * {@code x; rm -rf ~} stays one argument.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** One argument, quoted so the shell reads it back unchanged. */
    public static String quote(String arg) {
        if (arg.isEmpty()) {
            return "''";
        }
        if (arg.chars().allMatch(ShellQuote::safe)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The command line for an argument vector. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == ',' || c == '@' || c == '+';
    }
}
