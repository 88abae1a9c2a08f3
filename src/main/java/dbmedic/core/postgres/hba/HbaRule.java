package dbmedic.core.postgres.hba;

import java.util.List;
import java.util.Map;

/**
 * A record that loaded (HbaLine).
 *
 * @param ruleNumber 1-based position among the loaded rules (pg_hba_file_rules.rule_number
 *                   in 16+); 0 for a rule loaded with a warning that can never match
 * @param file       the file it came from (an included file in 16+)
 * @param line       its first line in that file
 * @param rawLine    the record text, continuation lines joined (as the server quotes it)
 * @param address    null for {@code local}
 * @param authMethod as written, except {@code ident} on {@code local} which the server turns into {@code peer}
 * @param warning    pg_hba_file_rules.error for a rule that loads but cannot match
 *                   ({@code hostssl record cannot match because SSL is disabled}), else null
 */
public record HbaRule(int ruleNumber, String file, int line, String rawLine, ConnectionType type,
                      List<HbaToken> databases, List<HbaToken> users, HbaAddress address,
                      String authMethod, Map<String, String> options, String warning) {

    /** How the server names the rule in its log: {@code line 3 of configuration file "..."}. */
    public String where() {
        return "line " + line + " of configuration file \"" + file + "\"";
    }
}
