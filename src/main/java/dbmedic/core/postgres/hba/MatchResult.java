package dbmedic.core.postgres.hba;

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

    /** The server's FATAL text when nothing matched; empty when a rule matched. */
    public Optional<String> noEntryMessage() {
        return matched() ? Optional.empty() : Optional.of(HbaMessages.noEntry(request));
    }
}
