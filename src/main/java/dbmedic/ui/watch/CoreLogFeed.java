package dbmedic.ui.watch;

import dbmedic.core.finding.Finding;
import dbmedic.core.logs.ImmichLogParser;
import dbmedic.core.logs.LogEvent;
import dbmedic.core.logs.LogSource;
import dbmedic.core.logs.LogSourceException;
import dbmedic.core.logs.LogSourceSpec;
import dbmedic.core.logs.LogSources;
import dbmedic.core.logs.ReindexWatch;
import dbmedic.core.logs.Tail;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@link LogFeed} over the engine: a local log source (file or {@code docker logs}), Immich's
 * log parser and the reindex watch, on a thread of its own that blocks on the source.
 */
public final class CoreLogFeed implements LogFeed {
    static final List<String> INDEXES = List.of("clip_index", "face_index");
    private static final dbmedic.core.report.Redactor SECRETS = dbmedic.core.report.Redactor.secretsOnly();
    /** A source starting with this is read on the SSH server: {@code ssh:docker:immich_server}. */
    public static final String REMOTE = "ssh:";
    private final dbmedic.ui.connect.ssh.SshLink ssh;
    private ImmichLogParser parser;

    /** Local sources only. */
    public CoreLogFeed() {
        this(null);
    }

    /** Local sources, and {@code ssh:}-prefixed ones read through the wizard's SSH session. */
    public CoreLogFeed(dbmedic.ui.connect.ssh.SshLink ssh) {
        this.ssh = ssh;
    }

    private synchronized ImmichLogParser parser() {
        if (parser == null) {
            parser = ImmichLogParser.withPacks();
        }
        return parser;
    }

    @Override
    public AutoCloseable start(String source, Listener listener) throws LogSourceException {
        boolean remote = source.startsWith(REMOTE);
        LogSourceSpec spec = LogSourceSpec.parse(remote ? source.substring(REMOTE.length()) : source);
        ImmichLogParser lines = parser();
        LogSource log;
        if (remote) {
            if (ssh == null || !ssh.enabled()) {
                throw new LogSourceException("No SSH server is set on the Connect page.");
            }
            try {
                log = new dbmedic.core.ssh.RemoteLogSource(ssh.connection(), spec, Tail.defaults());
            } catch (dbmedic.core.ssh.SshFailure e) {
                throw new LogSourceException(e.getMessage(), e);
            }
        } else {
            log = LogSources.open(spec, Tail.defaults());
        }
        ReindexWatch watch = new ReindexWatch(Clock.systemUTC(), INDEXES);
        listener.state(state(watch));
        Thread t = new Thread(() -> {
            try {
                log.follow(line -> {
                    LogEvent e = lines.parse(line);
                    watch.accept(e);
                    listener.event(view(e));
                    listener.state(state(watch));
                }, true);
                listener.ended(null);
            } catch (LogSourceException | RuntimeException e) {
                listener.ended(e);
            } finally {
                log.close();
            }
        }, "dbmedic-watch " + log.describe());
        t.setDaemon(true);
        t.start();
        return log::close;
    }

    static LogFeed.EventView view(LogEvent e) {
        boolean error = e.type() == LogEvent.Type.ERROR || "ERROR".equals(e.level()) || "FATAL".equals(e.level());
        Finding f = e.findings().isEmpty() ? null : e.findings().get(0);
        // a log line may carry DB_URL with its password: never on screen (the screen may be shared)
        String message = SECRETS.redact(e.message() == null ? e.raw() : e.message());
        return new LogFeed.EventView(e.timestamp(), e.level(), message, error, f == null ? null : f.id(),
                f == null ? null : f.docPage());
    }

    static LogFeed.WatchState state(ReindexWatch w) {
        java.time.Instant now = java.time.Instant.now();
        List<LogFeed.IndexView> indexes = w.indexes().stream().map(i -> new LogFeed.IndexView(i.index(),
                i.state().name().toLowerCase(Locale.ROOT), i.elapsed(), now, i.targetLists(), i.rows()))
                .toList();
        return new LogFeed.WatchState(indexes, w.serverListening());
    }
}
