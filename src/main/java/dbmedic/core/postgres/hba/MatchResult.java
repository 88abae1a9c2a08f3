package dbmedic.core.postgres.hba;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of matching one connection.
 *
 * @param rule           the first matching rule; empty means "no pg_hba.conf entry"
 * @param hostLookupNote the server's DETAIL about the client's host name lookup when a
 *                       host-name entry made it look (e.g. {@code Client IP address resolved
 *                       to "a.example.com", forward lookup does not match.}), else null
 */
public record MatchResult(ConnectionRequest request, HbaFile file, Optional<HbaRule> rule, String hostLookupNote) {

    public boolean matched() {
        return rule.isPresent();
    }

    /** True when the first matching rule is {@code reject}: the connection is refused by an explicit line. */
    public boolean rejected() {
        return rule.map(r -> r.authMethod().equals("reject")).orElse(false);
    }

    /**
     * Lines that would let this connection in, appended at the end of pg_hba.conf (nothing
     * matched, so nothing earlier can shadow them): the official Docker image's
     * {@code host all all all <method>} and a narrower line for this database, user and
     * subnet. For a socket connection only the narrower {@code local} line. Empty when a rule
     * matched.
     *
     * @param method e.g. from {@link HbaSuggestions#dockerMethod(int, String, String)}
     */
    public List<String> suggestedLines(String method) {
        if (matched()) {
            return List.of();
        }
        int major = file.options().major();
        String narrow = HbaSuggestions.narrowLine(request, method, major);
        return request.isLocal() ? List.of(narrow) : List.of(HbaSuggestions.dockerDefaultLine(method), narrow);
    }

    /** {@link #suggestedLines(String)} with the image's default method for this major version. */
    public List<String> suggestedLines() {
        return suggestedLines(HbaSuggestions.dockerMethod(file.options().major(), null, null));
    }

    /** The server's FATAL text when nothing matched; empty when a rule matched. */
    public Optional<String> noEntryMessage() {
        return matched() ? Optional.empty() : Optional.of(HbaMessages.noEntry(request));
    }
}
