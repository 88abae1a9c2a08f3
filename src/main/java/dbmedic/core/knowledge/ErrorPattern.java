package dbmedic.core.knowledge;

import java.util.List;

/**
 * A known error string an app prints, and what it means. {@code match} is a plain
 * substring unless {@code regex}; {@code findingId} names the finding it maps to;
 * {@code subject} may use {@code $1}.. for regex groups.
 */
public record ErrorPattern(String match, boolean regex, String findingId, String subject, String summary,
                           String cause, String fixSummary, List<String> fixSql, List<String> sources) {
    public ErrorPattern {
        fixSql = fixSql == null ? List.of() : List.copyOf(fixSql);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
