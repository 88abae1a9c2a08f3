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
            case "vchord-range", "vchord" -> "VectorChord installed, in the range Immich accepts";
            case "vectors-gone", "vectors" -> "pgvecto.rs removed";
            case "indexes" -> "Indexes";
            default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1).replace('-', ' ');
        };
        return words + what;
    }
}
