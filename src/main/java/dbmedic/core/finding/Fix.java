package dbmedic.core.finding;

import java.util.List;

/**
 * What the user can do about a finding: a plain-words summary and, where SQL helps,
 * the exact statements to copy. {@code sql} is empty when the fix is not SQL
 * (restore a backup, change a setting, stop the app).
 */
public record Fix(String summary, List<String> sql) {
    public Fix {
        sql = sql == null ? List.of() : List.copyOf(sql);
    }

    public static Fix text(String summary) {
        return new Fix(summary, List.of());
    }
}
