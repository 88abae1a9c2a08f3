package dbmedic.core.knowledge;

import dbmedic.core.finding.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A known error string ready to match: its pattern compiled, the severity of the finding it
 * maps to, and the pack it came from ({@code packId} null for SQLite's own messages).
 */
public record ErrorRule(String packId, String ruleId, ErrorPattern pattern, Pattern compiled, Severity severity) {

    static ErrorRule of(String packId, PackJson.ErrorDef def) {
        if (def.match() == null || def.match().isEmpty() || def.findingId() == null) {
            throw new IllegalStateException("Error pattern " + def.id() + " in '" + packId + "' lacks match or findingId");
        }
        Pattern compiled;
        try {
            compiled = def.regex() ? Pattern.compile(def.match(), Pattern.CASE_INSENSITIVE)
                    : Pattern.compile(Pattern.quote(def.match()), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("Error pattern " + def.id() + " in '" + packId + "' is not a valid regex: "
                    + e.getDescription(), e);
        }
        Severity severity = def.severity() == null ? Severity.ERROR : Severity.valueOf(def.severity().toUpperCase(Locale.ROOT));
        return new ErrorRule(packId, def.id(), toPattern(def), compiled, severity);
    }

    static ErrorPattern toPattern(PackJson.ErrorDef def) {
        return new ErrorPattern(def.match(), def.regex(), def.findingId(), def.subject(), def.summary(), def.cause(),
                def.fixSummary(), def.fixSql(), def.sources());
    }

    public Optional<String> pack() {
        return Optional.ofNullable(packId);
    }
}
