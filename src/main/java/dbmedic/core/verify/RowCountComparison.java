package dbmedic.core.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Row counts before (the backup's) and after a repair, checked against what the plan said
 * it would change. Tables that did not exist before are new (created by the plan) and
 * count from 0.
 */
public record RowCountComparison(Map<String, long[]> rowCounts, List<String> problems) {

    public static RowCountComparison compare(Map<String, Long> before, Map<String, Long> after,
                                             Map<String, Long> expectedChanges) {
        Map<String, long[]> counts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String t : tables) {
            Long b = before.get(t);
            Long a = after.get(t);
            if (a == null) {
                problems.add("Table " + t + " had " + rows(b) + " in the backup and is missing now.");
                counts.put(t, new long[]{b, -1});
                continue;
            }
            long was = b == null ? 0 : b;
            counts.put(t, new long[]{was, a});
            if (b == null) {
                continue;
            }
            long change = expectedChanges.getOrDefault(t, 0L);
            long expected = was + change;
            if (a != expected) {
                problems.add("Table " + t + " had " + rows(was) + " before the repair and has " + a + " now"
                        + (change == 0 ? "" : " (the plan expected " + expected + ")") + ".");
            }
        }
        return new RowCountComparison(counts, problems);
    }

    static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
