package dbmedic.cli;

import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.ReindexWatch;

/** How {@code dbmedic logs} shows each event: for a person, or one JSON object per line. */
interface LogEventPrinter {
    /** Called on the reading thread for every line, after {@code watch} has seen the event; flushes. */
    void print(LogEvent event, ReindexWatch watch);

    /** At the end of the read (or on Ctrl-C). */
    void summary(ReindexWatch watch);
}
