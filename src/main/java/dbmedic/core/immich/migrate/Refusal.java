package dbmedic.core.immich.migrate;

import java.util.List;

/**
 * A guard's "no": nothing was changed.
 *
 * @param code     stable id: {@code other-sessions}, {@code read-only}, {@code privileges},
 *                 {@code vchord-range}, {@code not-available}, {@code backup}, {@code still-pgvectors}, ...
 * @param reason   why, in plain words
 * @param whatToDo the way forward
 * @param details  e.g. the sessions, or the statements a superuser must run
 */
public record Refusal(String code, String reason, String whatToDo, List<String> details) {
    public Refusal {
        details = List.copyOf(details);
    }

    /** One paragraph for the CLI. */
    public String paragraph() {
        StringBuilder b = new StringBuilder(reason).append(' ').append(whatToDo);
        for (String d : details) {
            b.append(System.lineSeparator()).append("  ").append(d);
        }
        return b.toString();
    }
}
