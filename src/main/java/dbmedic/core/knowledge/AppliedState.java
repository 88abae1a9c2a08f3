package dbmedic.core.knowledge;

import java.util.List;

/**
 * The schema version an app recorded in its database. {@code version} is what the user
 * would quote ("15", "c45e397531d1", "33 + 2026_07_01_add_videos_tables");
 * {@code release} the first release that shipped it, when known; {@code known} is false when
 * the database records migrations the pack does not know ({@code unknownIds}) — a newer app
 * version, which DB Medic reports but never repairs.
 */
public record AppliedState(String version, String release, boolean known, List<String> unknownIds) {
    public AppliedState {
        unknownIds = unknownIds == null ? List.of() : List.copyOf(unknownIds);
    }
}
