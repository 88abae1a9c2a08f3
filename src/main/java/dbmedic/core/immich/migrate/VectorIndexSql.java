package dbmedic.core.immich.migrate;

/**
 * Immich's own VectorChord index statement ({@code vectorIndexQuery}, immich.md §4.4) with the
 * lists Immich would choose ({@code targetListCount}, §4.2), so an index DB Medic builds is
 * one Immich keeps at its next start.
 */
final class VectorIndexSql {
    private VectorIndexSql() {
    }

    /** count &lt; 128000 → 1; &lt; 2048000 → 2^(bit length of floor(count/1000)); else 2^(bit length of floor(sqrt(count)) + 1). */
    static long targetListCount(long count) {
        if (count < 128_000) {
            return 1;
        }
        if (count < 2_048_000) {
            return 1L << bitLength(count / 1000);
        }
        return 1L << (bitLength((long) Math.floor(Math.sqrt(count))) + 1);
    }

    private static int bitLength(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    static String create(String template, String index, String table, long rows) {
        return template.replace("{index}", index).replace("{table}", table)
                .replace("{lists}", Long.toString(targetListCount(rows)));
    }
}
