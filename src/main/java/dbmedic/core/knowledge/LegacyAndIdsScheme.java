package dbmedic.core.knowledge;

import dbmedic.core.knowledge.PackJson.Migration;
import dbmedic.core.sqlite.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * InvokeAI's scheme: {@code MAX(version)} of the numbered {@code migrations} table (a missing
 * table means 0), and from v6.14 the ids in {@code applied_migrations}.
 * <p>
 * The version text is {@code "15"} for numbered migrations only, {@code "33 + <id>"} when
 * the dated migrations applied are the pack's dated migrations up to {@code <id>}, and
 * {@code "33 + {<id>, <id>}"} for any other set; {@link #applied} reads it back.
 */
final class LegacyAndIdsScheme implements VersionScheme {
    private final PackJson.VersionSource source;
    private final List<Migration> migrations;
    private final List<Migration> dated;
    private final long maxLegacy;

    LegacyAndIdsScheme(PackJson.VersionSource source, List<Migration> migrations) {
        this.source = source;
        this.migrations = List.copyOf(migrations);
        this.dated = migrations.stream().filter(m -> m.legacy() == null).toList();
        this.maxLegacy = migrations.stream().filter(m -> m.legacy() != null).mapToLong(Migration::legacy).max().orElse(0);
    }

    @Override
    public AppliedState read(Connection connection, SchemaSnapshot schema) throws SQLException {
        List<String> unknown = new ArrayList<>();
        long legacy = 0;
        String legacyText = null;
        if (schema.hasTable(source.legacyTable())) {
            Object max = VersionQueries.max(connection, source.legacyTable(), source.legacyColumn());
            Long parsed = asLong(max);
            if (parsed != null) {
                legacy = parsed;
            } else if (max != null) {
                legacyText = max instanceof byte[] ? "<binary>" : VersionQueries.cut(String.valueOf(max));
                unknown.add(source.legacyTable() + "." + source.legacyColumn() + " = " + legacyText);
            }
        }
        if (legacy > maxLegacy) {
            unknown.add(String.format(source.legacyIdFormat(), legacy));
        }
        List<String> ids = List.of();
        if (source.idTable() != null && schema.hasTable(source.idTable())) {
            ids = VersionQueries.values(connection, source.idTable(), source.idColumn());
        }
        Set<String> appliedIds = new HashSet<>();
        for (String id : ids) {
            if (byId(id).isPresent()) {
                appliedIds.add(id);
            } else if (!unknown.contains(id)) {
                unknown.add(id);
            }
        }
        long known = Math.min(legacy, maxLegacy);
        for (Migration m : migrations) {
            if (m.legacy() != null && appliedIds.contains(m.id())) {
                known = Math.max(known, m.legacy());
            }
        }
        List<Migration> datedApplied = dated.stream().filter(m -> appliedIds.contains(m.id())).toList();
        String version = legacyText != null ? legacyText : describe(Math.max(legacy, known), datedApplied);
        if (!unknown.isEmpty()) {
            // Ids beyond the numbered version are named in the version text; the number already is.
            String legacyId = String.format(source.legacyIdFormat(), legacy);
            String legacyPrefix = source.legacyTable() + ".";
            List<String> extra = unknown.stream()
                    .filter(id -> !id.equals(legacyId) && !id.startsWith(legacyPrefix)).toList();
            if (!extra.isEmpty()) {
                version = version + " + " + String.join(", ", extra);
            }
            return new AppliedState(version, null, false, unknown);
        }
        return new AppliedState(version, releaseOf(known, datedApplied), true, List.of());
    }

    @Override
    public Optional<List<Migration>> applied(AppliedState state) {
        if (state == null || !state.known() || state.version() == null) {
            return Optional.empty();
        }
        String version = state.version().trim();
        int plus = version.indexOf(" + ");
        String legacyPart = plus < 0 ? version : version.substring(0, plus);
        long legacy;
        try {
            legacy = Long.parseLong(legacyPart.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (legacy > maxLegacy || legacy < 0) {
            return Optional.empty();
        }
        Set<String> datedIds = new LinkedHashSet<>();
        if (plus >= 0) {
            String rest = version.substring(plus + 3).trim();
            if (rest.startsWith("{") && rest.endsWith("}")) {
                for (String id : rest.substring(1, rest.length() - 1).split(",")) {
                    datedIds.add(id.trim());
                }
            } else {
                int upTo = indexOfDated(rest);
                if (upTo < 0) {
                    return Optional.empty();
                }
                dated.subList(0, upTo + 1).forEach(m -> datedIds.add(m.id()));
            }
            for (String id : datedIds) {
                if (indexOfDated(id) < 0) {
                    return Optional.empty();
                }
            }
        }
        final long upToLegacy = legacy;
        return Optional.of(migrations.stream()
                .filter(m -> m.legacy() != null ? m.legacy() <= upToLegacy : datedIds.contains(m.id()))
                .toList());
    }

    private String describe(long legacy, List<Migration> datedApplied) {
        if (datedApplied.isEmpty()) {
            return Long.toString(legacy);
        }
        boolean prefix = datedApplied.equals(dated.subList(0, datedApplied.size()));
        if (prefix) {
            return legacy + " + " + datedApplied.get(datedApplied.size() - 1).id();
        }
        return legacy + " + {" + String.join(", ", datedApplied.stream().map(Migration::id).toList()) + "}";
    }

    /** The first release that has every applied migration: that of the latest one in the pack's order. */
    private String releaseOf(long legacy, List<Migration> datedApplied) {
        String release = null;
        for (Migration m : migrations) {
            boolean applied = m.legacy() != null ? m.legacy() <= legacy : datedApplied.contains(m);
            if (applied) {
                release = m.release();
            }
        }
        return release;
    }

    private Optional<Migration> byId(String id) {
        return migrations.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private int indexOfDated(String id) {
        for (int i = 0; i < dated.size(); i++) {
            if (dated.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Long asLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
