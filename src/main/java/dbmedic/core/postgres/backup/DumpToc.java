package dbmedic.core.postgres.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents {@code pg_restore --list} prints for a custom-format dump: how many
 * entries it has and which tables' data it holds. A truncated or foreign file has none.
 *
 * @param entries   TOC entries (lines that are not comments)
 * @param tableData {@code schema.table} of every {@code TABLE DATA} entry
 */
public record DumpToc(int entries, Set<String> tableData) {
    // "3390; 0 16420 TABLE DATA public smart_search postgres"
    private static final Pattern TABLE_DATA = Pattern.compile("^\\d+;\\s+\\d+\\s+\\d+\\s+TABLE DATA\\s+(\\S+)\\s+(\\S+)\\s");

    public DumpToc {
        tableData = Set.copyOf(tableData);
    }

    public static DumpToc parse(String listing) {
        int entries = 0;
        Set<String> data = new TreeSet<>();
        for (String line : listing.split("\\R")) {
            if (line.isBlank() || line.startsWith(";")) {
                continue;
            }
            entries++;
            Matcher m = TABLE_DATA.matcher(line + " ");
            if (m.find()) {
                data.add(m.group(1) + "." + m.group(2));
            }
        }
        return new DumpToc(entries, data);
    }

    /** True when the dump holds the data of {@code table}, in whatever schema. */
    public boolean hasDataOf(String table) {
        return tableData.stream().anyMatch(t -> t.endsWith("." + table));
    }

    /** The tables of {@code wanted} whose data the dump lacks. */
    public List<String> missing(List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String t : wanted) {
            if (!hasDataOf(t)) {
                missing.add(t);
            }
        }
        return missing;
    }
}
