package dbmedic.core.check;

import dbmedic.core.finding.Finding;
import dbmedic.core.task.CancelledException;
import java.sql.SQLException;
import java.util.List;

/** One diagnostic check: reads (never writes) through the context and reports findings. */
public interface Check {
    /** What the check is doing, for progress messages ("Checking foreign keys"). */
    String title();

    List<Finding> run(CheckContext context) throws SQLException, CancelledException;
}
