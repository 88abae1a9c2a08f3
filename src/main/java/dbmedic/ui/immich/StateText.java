package dbmedic.ui.immich;

import dbmedic.core.immich.migrate.ExtensionInfo;
import dbmedic.core.immich.migrate.MigrationState;
import dbmedic.core.immich.migrate.VectorTable;
import java.util.ArrayList;
import java.util.List;

/** The server's state in two plain lines: versions and extensions, then the vector columns. */
final class StateText {
    private StateText() {
    }

    static String of(MigrationState s) {
        List<String> parts = new ArrayList<>();
        parts.add("PostgreSQL " + s.serverVersion());
        s.immichVersion().ifPresent(v -> parts.add("Immich " + v));
        for (String[] e : new String[][] {{"vectors", "pgvecto.rs"}, {"vchord", "VectorChord"}, {"vector", "pgvector"}}) {
            s.extension(e[0]).ifPresent(x -> parts.add(e[1] + " " + extension(x)));
        }
        List<String> columns = new ArrayList<>();
        for (VectorTable t : s.tables()) {
            columns.add(t.table() + ": " + t.columnType() + ", " + String.format("%,d", t.rows()) + " rows");
        }
        return String.join(" · ", parts) + (columns.isEmpty() ? "." : ".\n" + String.join(" · ", columns) + ".");
    }

    private static String extension(ExtensionInfo x) {
        if (x.installed()) {
            return x.installedVersion().get() + " installed";
        }
        return x.available() ? "available" + x.defaultVersion().map(v -> " (" + v + ")").orElse("") : "not available";
    }
}
