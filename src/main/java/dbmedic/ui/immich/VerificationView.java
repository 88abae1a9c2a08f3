package dbmedic.ui.immich;

import java.util.List;

/** The checks after the migration; {@code lossless} when every row and checksum matched. */
public record VerificationView(boolean ok, boolean lossless, String summary, List<Check> checks,
                               List<TableCompare> tables) {
    public VerificationView {
        checks = List.copyOf(checks);
        tables = List.copyOf(tables);
    }

    public record Check(String name, boolean passed, String detail) {
    }

    /** One table before (the backup) and after (the database now). */
    public record TableCompare(String table, long rowsBefore, long rowsAfter, String shaBefore, String shaAfter,
                               String typeBefore, String typeAfter) {
        public boolean same() {
            return rowsBefore == rowsAfter && shaBefore != null && shaBefore.equals(shaAfter);
        }
    }
}
