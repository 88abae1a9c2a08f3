package dbmedic.core.postgres.hba;

/** The server's own texts around pg_hba.conf (auth.c, hba.c, postmaster.c), 14-17 wording. */
public final class HbaMessages {

    private HbaMessages() {
    }

    /** The encryption part of the "no pg_hba.conf entry" message (GSS is checked first, as in auth.c). */
    public static String encryptionState(ConnectionRequest req) {
        return req.gssEncryption() ? "GSS encryption" : req.ssl() ? "SSL encryption" : "no encryption";
    }

    /**
     * {@code no pg_hba.conf entry for host "%s", user "%s", database "%s", %s}, or for physical
     * replication {@code no pg_hba.conf entry for replication connection from host "%s", user "%s", %s}.
     */
    public static String noEntry(ConnectionRequest req) {
        if (req.replication() == Replication.PHYSICAL) {
            return "no pg_hba.conf entry for replication connection from host \"" + req.hostText() + "\", user \""
                    + req.user() + "\", " + encryptionState(req);
        }
        return "no pg_hba.conf entry for host \"" + req.hostText() + "\", user \"" + req.user() + "\", database \""
                + req.database() + "\", " + encryptionState(req);
    }

    /** {@code password authentication failed for user "%s"}. */
    public static String passwordFailed(String user) {
        return "password authentication failed for user \"" + user + "\"";
    }

    /**
     * The server-log DETAIL naming the rule an authentication failure used:
     * {@code Connection matched pg_hba.conf line %d: "%s"} (14, 15) /
     * {@code Connection matched file "%s" line %d: "%s"} (16+).
     */
    public static String matchedRuleDetail(HbaRule rule, int major) {
        if (major >= 16) {
            return "Connection matched file \"" + rule.file() + "\" line " + rule.line() + ": \"" + rule.rawLine() + "\"";
        }
        return "Connection matched pg_hba.conf line " + rule.line() + ": \"" + rule.rawLine() + "\"";
    }

    /** {@code skipping missing authentication file "%s"} (16+ include_if_exists). */
    public static String skippingMissing(String path) {
        return "skipping missing authentication file \"" + path + "\"";
    }
}
