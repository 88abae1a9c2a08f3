package dbmedic.core.postgres.hba;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which roles exist and who is a direct member of whom (pg_auth_members), for {@code +group}
 * and {@code samerole}. Membership is transitive and a role counts as a member of itself
 * (is_member_of_role_nosuper); superusers get no implicit membership. A role that does not
 * exist is a member of nothing.
 */
public final class RoleMemberships {

    private final Set<String> roles = new HashSet<>();
    private final Map<String, Set<String>> directParents = new HashMap<>();
    private final boolean assumeExisting;

    private RoleMemberships(boolean assumeExisting) {
        this.assumeExisting = assumeExisting;
    }

    /** Known roles only: add them with {@link #role} and {@link #grant}. */
    public static RoleMemberships known() {
        return new RoleMemberships(false);
    }

    /**
     * When the role catalog is not available (offline diagnosis): every named role exists and
     * belongs to no group but itself.
     */
    public static RoleMemberships unknownCatalog() {
        return new RoleMemberships(true);
    }

    public RoleMemberships role(String name) {
        roles.add(name);
        return this;
    }

    /** {@code GRANT group TO member}; both roles come into existence. */
    public RoleMemberships grant(String group, String member) {
        roles.add(group);
        roles.add(member);
        directParents.computeIfAbsent(member, k -> new HashSet<>()).add(group);
        return this;
    }

    public boolean exists(String role) {
        return assumeExisting || roles.contains(role);
    }

    /** is_member(user, role): directly or indirectly, or the same role. */
    public boolean isMember(String user, String role) {
        if (!exists(user) || !exists(role)) {
            return false;
        }
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(user);
        while (!todo.isEmpty()) {
            String r = todo.poll();
            if (r.equals(role)) {
                return true;
            }
            if (seen.add(r)) {
                todo.addAll(directParents.getOrDefault(r, Set.of()));
            }
        }
        return false;
    }
}
