package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.SqliteTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files next to the database: a -wal with committed changes, a -shm left by an open
 * (or crashed) connection, a hot -journal from an interrupted transaction. Looks at the
 * files only; never opens, moves or deletes them.
 */
public final class JournalCheck implements Check {
    public static final String WAL_PENDING = "sqlite.wal-pending";
    public static final String APP_MAY_BE_RUNNING = "sqlite.app-may-be-running";
    public static final String HOT_JOURNAL = "sqlite.hot-journal";
    /** Rollback-journal header magic (page "Database File Format", section 4.1). */
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    @Override
    public String title() {
        return "Looking at the journal files next to the database";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        SqliteTarget target = context.target();
        String dbName = name(target.database());
        List<Finding> findings = new ArrayList<>();
        long walSize = size(target.wal());
        if (walSize > 0) {
            long frames = Math.max(0, (walSize - WAL_HEADER) / (context.header().pageSize() + FRAME_HEADER));
            findings.add(new Finding(WAL_PENDING, Severity.INFO, name(target.wal()),
                    "Recent changes are still in " + name(target.wal()) + ", not yet in " + dbName,
                    name(target.wal()) + " is " + walSize + " bytes (about " + frames + " pages of changes); the database"
                            + " is in " + context.header().journalModeName() + " mode."
                            + (context.snapshot() ? " DB Medic read a temporary copy of both files, so these changes were included." : ""),
                    "The app uses write-ahead logging: each commit is appended to the -wal file and copied into the"
                            + " main file later, at a checkpoint. Until then the -wal file holds committed data and is"
                            + " part of the database.",
                    Fix.text("Nothing to repair. Never delete, rename or separate " + name(target.wal()) + " from " + dbName
                            + "; copy or move them together. Stopping the app cleanly folds it into " + dbName + ".")));
        }
        if (Files.exists(target.shm())) {
            findings.add(new Finding(APP_MAY_BE_RUNNING, Severity.WARNING, name(target.shm()),
                    "The app may still be running (or crashed) with the database open",
                    name(target.shm()) + " exists next to " + dbName + "; SQLite creates it while a connection has the"
                            + " database open in WAL mode and removes it when the last connection closes cleanly.",
                    "Either the app (or another tool) has the database open right now, or it was killed or crashed"
                            + " without closing it.",
                    Fix.text("Stop the app before backing up or repairing, so nothing changes under DB Medic. If it is"
                            + " already stopped, the file is a harmless leftover of a crash: leave it in place;"
                            + " SQLite tidies it up the next time the database is opened.")));
        }
        if (isHotJournal(target.journal())) {
            findings.add(new Finding(HOT_JOURNAL, Severity.WARNING, name(target.journal()),
                    "An interrupted transaction left " + name(target.journal()),
                    name(target.journal()) + " is " + size(target.journal()) + " bytes and starts with a valid journal"
                            + " header, so SQLite will roll the database back to its state before that transaction."
                            + (context.snapshot() ? " DB Medic diagnosed a temporary copy with that rollback applied." : ""),
                    "A write was interrupted (crash, power loss, killed app). SQLite kept the old content of the"
                            + " pages it was changing in the -journal file; until it is rolled back, the journal is part"
                            + " of the database.",
                    Fix.text("Do not delete " + name(target.journal()) + ": without it the database can be left half"
                            + " written. Start the app (or open the database with sqlite3) once, in the same folder,"
                            + " so SQLite rolls the interrupted transaction back.")));
        }
        return findings;
    }

    static boolean isHotJournal(Path journal) {
        if (size(journal) < JOURNAL_MAGIC.length) {
            return false;
        }
        try (InputStream in = Files.newInputStream(journal)) {
            // A zeroed header (journal_mode=PERSIST) or a truncated file is not hot.
            return Arrays.equals(in.readNBytes(JOURNAL_MAGIC.length), JOURNAL_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }
}
