package dbmedic.core.offline;

import dbmedic.core.target.Target;
import java.nio.file.Path;

/** A copied (or stopped) PostgreSQL data directory: a folder holding {@code PG_VERSION}. Only ever read. */
public record DataDirectoryTarget(Path folder) implements Target {

    @Override
    public String displayName() {
        return folder.toString();
    }

    @Override
    public String engine() {
        return "postgresql";
    }
}
