package dbmedic.ui.immich;

/** A verification check's id ("column-type:smart_search") in words ("Column type of smart_search"). */
final class CheckNames {
    private CheckNames() {
    }

    static String of(String id) {
        int colon = id.indexOf(':');
        String kind = colon < 0 ? id : id.substring(0, colon);
        String what = colon < 0 ? "" : " of " + id.substring(colon + 1);
        String words = switch (kind) {
            case "column-type" -> "Column type";
            case "dimension" -> "Dimension";
            case "content" -> "Rows and checksum";
            case "rows" -> "Row count";
            case "vchord-installed" -> "VectorChord installed";
            case "vchord-range" -> "VectorChord version accepted by this Immich";
            case "vectors-dropped" -> "pgvecto.rs extension removed";
            case "vectors-schema-dropped" -> "Schema vectors removed";
            case "indexes" -> "Indexes";
            default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1).replace('-', ' ');
        };
        return words + what;
    }
}
