package dbmedic.core.postgres.backup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The names of the files and folders of a PostgreSQL backup, in one place. */
public final class BackupFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String PARTIAL_SUFFIX = ".partial";
    public static final String DUMP_SUFFIX = ".dump";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupFiles() {
    }

    /** {@code immich-<database>-<yyyyMMdd-HHmmss>}, in the computer's time zone, with unsafe characters replaced. */
    public static String folderName(String database, Instant at) {
        return "immich-" + safe(database) + "-" + STAMP.format(at.atZone(ZoneId.systemDefault()));
    }

    public static String dataFileName(String table) {
        return safe(table) + ".copy.gz";
    }

    public static String ddlFileName(String table) {
        return safe(table) + ".ddl.sql";
    }

    public static String dumpFileName(String database) {
        return safe(database) + DUMP_SUFFIX;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
