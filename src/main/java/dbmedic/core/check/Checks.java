package dbmedic.core.check;

import java.util.List;

/** The checks a SQLite diagnosis runs, in the order their findings make sense to a reader. */
public final class Checks {
    private Checks() {
    }

    public static List<Check> sqlite() {
        return List.of(
                new AppCheck(),
                new JournalCheck(),
                new IntegrityCheck(),
                new MissingTableCheck(),
                new MissingColumnCheck(),
                new ForeignKeyParentCheck(),
                new LeftoverTableCheck(),
                new ForeignKeyCheck());
    }
}
