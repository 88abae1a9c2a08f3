package dbmedic.core.postgres.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code postmaster.opts}: the command line of the server's last start, written as the
 * program path followed by each argument in double quotes (CreateOptsFile). Arguments are
 * not escaped by the server, so an argument holding {@code " "} cannot be told apart; that
 * does not happen with real settings.
 *
 * @param program  the server binary path
 * @param args     the arguments, unquoted
 * @param settings settings the command line sets (source "command line"), in order
 * @param dataDirectory the {@code -D} value, or null
 * @param problems arguments the server would refuse at start (e.g. {@code -c name} with no value)
 */
public record PostmasterOpts(String program, List<String> args, List<ConfEntry> settings,
                             String dataDirectory, List<ConfProblem> problems) {

    /** Short options that set a parameter (PostmasterMain's getopt switch). */
    private static final Map<Character, String> SHORT_WITH_VALUE = Map.of(
            'B', "shared_buffers", 'h', "listen_addresses", 'k', "unix_socket_directories",
            'N', "max_connections", 'p', "port", 'S', "work_mem");
    private static final Map<Character, String[]> SHORT_FLAGS = Map.of(
            'F', new String[] {"fsync", "false"}, 'i', new String[] {"listen_addresses", "*"},
            'l', new String[] {"ssl", "true"}, 'e', new String[] {"datestyle", "euro"},
            'O', new String[] {"allow_system_table_mods", "true"}, 'P', new String[] {"ignore_system_indexes", "true"});
    /** Options taking an argument: "B:bC:c:D:d:EeFf:h:ijk:lN:OPp:r:S:sTt:W:-:". */
    private static final String TAKES_ARG = "BCcDdfhkNprStW-";

    public static PostmasterOpts parse(String text) {
        String line = text;
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        String program;
        List<String> args = new ArrayList<>();
        int firstArg = line.indexOf(" \"");
        if (firstArg < 0) {
            program = line.strip();
        } else {
            program = line.substring(0, firstArg);
            String rest = line.substring(firstArg + 1).strip();
            if (rest.startsWith("\"") && rest.endsWith("\"") && rest.length() >= 2) {
                rest = rest.substring(1, rest.length() - 1);
            }
            for (String a : rest.split("\" \"", -1)) {
                args.add(a);
            }
        }
        return fromArgs(program, args);
    }

    /** Interprets an argument list as PostmasterMain does. */
    public static PostmasterOpts fromArgs(String program, List<String> args) {
        List<ConfEntry> settings = new ArrayList<>();
        List<ConfProblem> problems = new ArrayList<>();
        String dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() < 2) {
                continue; // PostgreSQL refuses stray words, but a recorded start had none
            }
            char opt = a.charAt(1);
            String value = null;
            if (TAKES_ARG.indexOf(opt) >= 0) {
                if (a.length() > 2) {
                    value = a.substring(2);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    problems.add(new ConfProblem(null, 0, "option requires an argument -- '" + opt + "'", true));
                    continue;
                }
            }
            if (opt == 'c' || opt == '-') {
                int eq = value.indexOf('=');
                if (eq < 0) {
                    problems.add(new ConfProblem(null, 0,
                            (opt == '-' ? "--" : "-c ") + value + " requires a value", true));
                    continue;
                }
                // ParseLongOption: dashes in the name mean underscores.
                String name = value.substring(0, eq).replace('-', '_');
                settings.add(new ConfEntry(name, value.substring(eq + 1), null, 0, SettingSource.COMMAND_LINE));
            } else if (opt == 'D') {
                dataDir = value;
            } else if (SHORT_WITH_VALUE.containsKey(opt)) {
                settings.add(new ConfEntry(SHORT_WITH_VALUE.get(opt), value, null, 0, SettingSource.COMMAND_LINE));
            } else if (SHORT_FLAGS.containsKey(opt)) {
                String[] nv = SHORT_FLAGS.get(opt);
                settings.add(new ConfEntry(nv[0], nv[1], null, 0, SettingSource.COMMAND_LINE));
            }
        }
        return new PostmasterOpts(program, List.copyOf(args), List.copyOf(settings), dataDir, List.copyOf(problems));
    }
}
