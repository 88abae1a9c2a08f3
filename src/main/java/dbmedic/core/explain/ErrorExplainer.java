package dbmedic.core.explain;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.ErrorRule;
import dbmedic.core.knowledge.ExpectedColumn;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ExpectedTable;
import dbmedic.core.knowledge.ForeignKeyRule;
import dbmedic.core.knowledge.JsonAppPack;
import dbmedic.core.knowledge.PackRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Maps a pasted error (log prefixes, timestamps, tracebacks and all) to findings: one per
 * distinct known error, in the order they appear. Within a line, the first rule that claims
 * a stretch of text wins, so an app's specific rule beats SQLite's generic one for the same
 * words. Unknown text gives no findings.
 */
public final class ErrorExplainer {
    private static final dbmedic.core.report.Redactor REDACTOR = dbmedic.core.report.Redactor.secretsOnly();
    static final int MAX_EVIDENCE = 400;
    /** Findings whose subject is {@code table.column}; SQLite sometimes names only the column. */
    private static final java.util.Set<String> COLUMN_FINDINGS = java.util.Set.of(
            "sqlite.missing-column", "sqlite.duplicate-column", "sqlite.add-column-rejected");
    private final PackRegistry packs;

    public ErrorExplainer(PackRegistry packs) {
        this.packs = packs;
    }

    public List<Finding> explain(String text) {
        Map<String, Finding> found = new LinkedHashMap<>();
        for (String line : LogLines.of(text)) {
            List<int[]> claimed = new ArrayList<>();
            for (ErrorRule rule : packs.errorRules()) {
                Matcher m = rule.compiled().matcher(line);
                while (m.find()) {
                    if (m.end() == m.start() || overlaps(claimed, m.start(), m.end())) {
                        continue;
                    }
                    claimed.add(new int[] {m.start(), m.end()});
                    Finding f = finding(rule, m, line);
                    found.putIfAbsent(f.id() + "\u0000" + f.subject(), f);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private Finding finding(ErrorRule rule, Matcher m, String line) {
        var p = rule.pattern();
        String subject = resolveSubject(p.findingId(), expand(p.subject(), m), rule);
        List<String> sql = p.fixSql().isEmpty() ? knownStatements(p.findingId(), subject) : p.fixSql();
        String evidence = REDACTOR.redact(line.trim());
        if (evidence.length() > MAX_EVIDENCE) {
            evidence = evidence.substring(0, MAX_EVIDENCE) + "...";
        }
        return new Finding(p.findingId(), rule.severity(), subject, expand(p.summary(), m), evidence,
                expand(p.cause(), m), new Fix(expand(p.fixSummary(), m), sql));
    }

    /**
     * SQLite names a bare column ({@code no such column: destination}) or a foreign key's
     * missing parent; the packs know which table the column belongs to and which child
     * table points at that parent.
     */
    private String resolveSubject(String findingId, String subject, ErrorRule rule) {
        if (subject == null || subject.isEmpty()) {
            return null;
        }
        if (COLUMN_FINDINGS.contains(findingId) && !subject.contains(".")) {
            List<String> owners = new ArrayList<>();
            for (JsonAppPack pack : packsFor(rule)) {
                for (ExpectedTable t : pack.newestSchema().tables().values()) {
                    if (t.column(subject).isPresent()) {
                        owners.add(t.name() + "." + t.column(subject).get().name());
                    }
                }
            }
            return owners.size() == 1 ? owners.get(0) : subject;
        }
        if (findingId.equals("sqlite.fk-wrong-parent")) {
            List<String> children = new ArrayList<>();
            for (JsonAppPack pack : packsFor(rule)) {
                for (ForeignKeyRule fk : pack.newestSchema().foreignKeyRules()) {
                    if (fk.wrongParent().equalsIgnoreCase(subject)) {
                        children.add(fk.table());
                    }
                }
            }
            return children.size() == 1 ? children.get(0) : subject;
        }
        return subject;
    }

    /** The app's own statement for a missing column or table, when exactly one pack knows it. */
    private List<String> knownStatements(String findingId, String subject) {
        if (subject == null) {
            return List.of();
        }
        for (JsonAppPack pack : packsFor(null)) {
            ExpectedSchema schema = pack.newestSchema();
            if (findingId.equals("sqlite.missing-column") && subject.contains(".")) {
                String[] parts = subject.split("\\.", 2);
                Optional<ExpectedColumn> c = schema.table(parts[0]).flatMap(t -> t.column(parts[1]));
                if (c.isPresent() && c.get().statement() != null) {
                    return List.of(c.get().statement());
                }
            }
            if (findingId.equals("sqlite.missing-table")) {
                Optional<ExpectedTable> t = schema.table(subject);
                if (t.isPresent() && !t.get().createStatements().isEmpty()) {
                    return t.get().createStatements();
                }
            }
        }
        return List.of();
    }

    /** The rule's own pack, or every pack for SQLite's generic messages. */
    private List<JsonAppPack> packsFor(ErrorRule rule) {
        List<JsonAppPack> result = new ArrayList<>();
        for (AppPack pack : packs.packs()) {
            if (pack instanceof JsonAppPack json && (rule == null || rule.packId() == null || rule.packId().equals(pack.id()))) {
                result.add(json);
            }
        }
        return result;
    }

    /** Replaces {@code $1}..{@code $9} with the groups (a group that did not take part counts as empty). */
    static String expand(String template, Matcher m) {
        if (template == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int group = template.charAt(i + 1) - '0';
                if (group <= m.groupCount() && m.group(group) != null) {
                    out.append(m.group(group));
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean overlaps(List<int[]> claimed, int start, int end) {
        for (int[] span : claimed) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }
}
