package dbmedic.cli;

import dbmedic.core.logs.LineSink;
import dbmedic.core.logs.LogSource;
import dbmedic.core.logs.LogSourceException;
import dbmedic.core.logs.LogSourceSpec;
import dbmedic.core.logs.Tail;
import dbmedic.core.ssh.RemoteLogSource;
import dbmedic.core.ssh.SshConnection;
import dbmedic.core.ssh.SshFailure;
import java.io.PrintWriter;

/** {@code dbmedic logs SOURCE --ssh ...}: the source read on the server; closing it ends the session too. */
final class SshLogSource implements LogSource {
    private final SshConnection connection;
    private final RemoteLogSource remote;

    private SshLogSource(SshConnection connection, RemoteLogSource remote) {
        this.connection = connection;
        this.remote = remote;
    }

    static LogSource open(SshCliOptions ssh, LogSourceSpec spec, Tail tail, PrintWriter err) throws LogSourceException {
        try {
            SshConnection c = ssh.open(err);
            return new SshLogSource(c, new RemoteLogSource(c, spec, tail));
        } catch (SshFailure e) {
            throw new LogSourceException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return remote.describe();
    }

    @Override
    public void follow(LineSink sink, boolean follow) throws LogSourceException {
        remote.follow(sink, follow);
    }

    @Override
    public void close() {
        remote.close();
        connection.close();
    }
}
