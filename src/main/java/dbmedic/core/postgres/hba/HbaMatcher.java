package dbmedic.core.postgres.hba;

import java.util.List;
import java.util.Optional;

/**
 * check_hba: the first rule whose connection type, client address, database and user all
 * match is used; there is no fall-through, and no match means the connection is refused.
 * The rules are those that parsed; when {@link HbaFile#loadable()} is false the running
 * server still uses its previous rules (or does not start), so say that first.
 */
public final class HbaMatcher {

    private HbaMatcher() {
    }

    /** Host-name lookup state, done once per connection like port->remote_hostname_resolv. */
    private static final class Lookup {
        boolean reverseDone;
        String name;
        int forward; // 0 not checked, +1 matches, -1 does not
        boolean forwardFailed;
    }

    public static MatchResult match(HbaFile file, ConnectionRequest req) {
        int major = file.options().major();
        Lookup lookup = new Lookup();
        for (HbaRule r : file.rules()) {
            if (matches(r, req, major, lookup)) {
                return new MatchResult(req, file, Optional.of(r), note(lookup));
            }
        }
        return new MatchResult(req, file, Optional.empty(), note(lookup));
    }

    private static boolean matches(HbaRule r, ConnectionRequest req, int major, Lookup lookup) {
        if (r.type() == ConnectionType.LOCAL) {
            if (!req.isLocal()) {
                return false;
            }
        } else {
            if (req.isLocal()) {
                return false;
            }
            if (req.ssl() ? r.type() == ConnectionType.HOSTNOSSL : r.type() == ConnectionType.HOSTSSL) {
                return false;
            }
            if (req.gssEncryption() ? r.type() == ConnectionType.HOSTNOGSSENC : r.type() == ConnectionType.HOSTGSSENC) {
                return false;
            }
            if (r.warning() != null) {
                return false; // hostssl without ssl, hostgssenc without GSSAPI: can never match
            }
            if (!addressMatches(r.address(), req, lookup)) {
                return false;
            }
        }
        return databaseMatches(r.databases(), req, major) && userMatches(r.users(), req, major);
    }

    private static boolean addressMatches(HbaAddress a, ConnectionRequest req, Lookup lookup) {
        IpAddress client = req.client();
        if (a instanceof HbaAddress.Any) {
            return true;
        }
        if (a instanceof HbaAddress.SameHost) {
            return req.serverInterfaces().stream().anyMatch(i -> i.sameHost(client));
        }
        if (a instanceof HbaAddress.SameNet) {
            return req.serverInterfaces().stream().anyMatch(i -> i.sameNet(client));
        }
        if (a instanceof HbaAddress.Range range) {
            return range.matches(client);
        }
        return hostNameMatches(((HbaAddress.HostName) a).name(), req, lookup);
    }

    /** check_hostname: reverse lookup must match the entry, then the forward lookup must confirm. */
    private static boolean hostNameMatches(String pattern, ConnectionRequest req, Lookup lookup) {
        if (!lookup.reverseDone) {
            lookup.reverseDone = true;
            lookup.name = req.resolver().reverse(req.client()).orElse(null);
        }
        if (lookup.name == null || lookup.forward < 0 || lookup.forwardFailed) {
            return false;
        }
        if (!hostNameMatch(pattern, lookup.name)) {
            return false;
        }
        if (lookup.forward > 0) {
            return true;
        }
        List<IpAddress> addrs = req.resolver().forward(lookup.name);
        if (addrs.isEmpty()) {
            lookup.forwardFailed = true;
            return false;
        }
        lookup.forward = addrs.contains(req.client()) ? 1 : -1;
        return lookup.forward > 0;
    }

    /** hostname_match: case-insensitive; a leading dot matches any name ending that way. */
    static boolean hostNameMatch(String pattern, String actual) {
        if (pattern.startsWith(".")) {
            return actual.length() >= pattern.length()
                    && actual.regionMatches(true, actual.length() - pattern.length(), pattern, 0, pattern.length());
        }
        return pattern.equalsIgnoreCase(actual);
    }

    private static String note(Lookup l) {
        if (!l.reverseDone) {
            return null;
        }
        if (l.name == null) {
            return "Could not resolve client IP address to a host name.";
        }
        if (l.forwardFailed) {
            return "Could not translate client host name \"" + l.name + "\" to IP address.";
        }
        String state = l.forward > 0 ? "matches" : l.forward < 0 ? "does not match" : "not checked";
        return "Client IP address resolved to \"" + l.name + "\", forward lookup " + state + ".";
    }

    /** check_db: per word, keywords first, then (16+) a regular expression, then the exact name. */
    private static boolean databaseMatches(List<HbaToken> tokens, ConnectionRequest req, int major) {
        for (HbaToken t : tokens) {
            if (req.replication() == Replication.PHYSICAL) {
                if (t.isKeyword("replication")) {
                    return true;
                }
            } else if (t.isKeyword("all")) {
                return true;
            } else if (t.isKeyword("sameuser")) {
                if (req.database().equals(req.user())) {
                    return true;
                }
            } else if (t.isKeyword("samerole") || t.isKeyword("samegroup")) {
                if (req.roles().isMember(req.user(), req.database())) {
                    return true;
                }
            } else if (t.isKeyword("replication")) {
                continue; // only physical replication connections match it
            } else if (HbaRegex.isRegex(t, major)) {
                if (HbaRegex.find(t, req.database())) {
                    return true;
                }
            } else if (t.text().equals(req.database())) {
                return true;
            }
        }
        return false;
    }

    /** check_role. */
    private static boolean userMatches(List<HbaToken> tokens, ConnectionRequest req, int major) {
        for (HbaToken t : tokens) {
            if (!t.quoted() && t.text().startsWith("+")) {
                if (req.roles().isMember(req.user(), t.text().substring(1))) {
                    return true;
                }
            } else if (t.isKeyword("all")) {
                return true;
            } else if (HbaRegex.isRegex(t, major)) {
                if (HbaRegex.find(t, req.user())) {
                    return true;
                }
            } else if (t.text().equals(req.user())) {
                return true;
            }
        }
        return false;
    }
}
