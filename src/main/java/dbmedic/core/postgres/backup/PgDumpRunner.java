package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.postgres.TunnelEndpoint;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the local {@code pg_dump -Fc} against the session's target: connection details as
 * arguments, the password only in the child's environment ({@code PGPASSWORD}); the dump is
 * written to a partial file, checked with {@code pg_restore --list} and renamed into place.
 */
public final class PgDumpRunner implements DumpSource {
    /** The tables whose data a dump of an Immich database must hold. */
    public static final List<String> VECTOR_TABLES = List.of("smart_search", "face_search");

    private final PgSession session;
    private final PgTools tools;
    private final List<String> requiredTables;

    public PgDumpRunner(PgSession session, PgTools tools) {
        this(session, tools, VECTOR_TABLES);
    }

    /** {@code requiredTables}: TABLE DATA entries the dump's TOC must list (the vector tables that exist). */
    public PgDumpRunner(PgSession session, PgTools tools, List<String> requiredTables) {
        this.session = session;
        this.tools = tools;
        this.requiredTables = List.copyOf(requiredTables);
    }

    public PgTools tools() {
        return tools;
    }

    @Override
    public DumpFile dumpTo(Path file, Progress progress) throws DumpFailedException, CancelledException {
        return dumpTo(file, null, progress);
    }

    @Override
    public boolean usesSnapshots() {
        return true;
    }

    @Override
    public DumpFile dumpTo(Path file, String snapshot, Progress progress) throws DumpFailedException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        Path partial = file.resolveSibling(file.getFileName() + BackupFiles.PARTIAL_SUFFIX);
        char[] password = session.passwordForChildProcess().orElse(null);
        boolean done = false;
        try {
            TunnelEndpoint tunnel = session.options().tunnel();
            ProcessBuilder pb = new ProcessBuilder(command(tools.pgDump(), session.target(), tunnel, partial, snapshot));
            environment(pb.environment(), session.target(), tunnel, password);
            ChildProcess.Outcome outcome;
            try {
                outcome = ChildProcess.run(pb, false, password, p, () -> sizeOf(partial), "pg_dump: writing the dump");
            } catch (IOException e) {
                throw new DumpFailedException("pg_dump could not be started (" + tools.pgDump() + "): " + e.getMessage(), e);
            }
            if (outcome.exitCode() != 0) {
                throw new DumpFailedException("pg_dump failed (exit code " + outcome.exitCode() + ")"
                        + (outcome.stderr().isEmpty() ? "" : ": " + outcome.stderrText()));
            }
            DumpToc toc = list(tools, partial, p);
            List<String> missing = toc.missing(requiredTables);
            if (!missing.isEmpty()) {
                throw new DumpFailedException("pg_restore --list shows no data for " + String.join(", ", missing)
                        + " in the dump; it was not kept");
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                done = true;
                return new DumpFile(file, Files.size(file), tools.version() + " on this computer");
            } catch (IOException e) {
                throw new DumpFailedException("The dump could not be renamed into place: " + e.getMessage(), e);
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (!done) {
                deleteQuietly(partial);
            }
        }
    }

    /**
     * {@code pg_restore --list FILE}, parsed. A file that is not a complete custom-format dump
     * makes pg_restore fail, or lists no entries.
     */
    public static DumpToc list(PgTools tools, Path dump, Progress progress) throws DumpFailedException, CancelledException {
        ProcessBuilder pb = new ProcessBuilder(tools.pgRestore().toString(), "--list", dump.toString());
        ChildProcess.Outcome outcome;
        try {
            outcome = ChildProcess.run(pb, true, null, progress == null ? Progress.NONE : progress, null, "pg_restore --list");
        } catch (IOException e) {
            throw new DumpFailedException("pg_restore could not be started (" + tools.pgRestore() + "): " + e.getMessage(), e);
        }
        if (outcome.exitCode() != 0) {
            throw new DumpFailedException("pg_restore --list could not read the dump (exit code " + outcome.exitCode() + ")"
                    + (outcome.stderr().isEmpty() ? "" : ": " + outcome.stderrText()));
        }
        DumpToc toc = DumpToc.parse(outcome.stdout());
        if (toc.entries() == 0) {
            throw new DumpFailedException("pg_restore --list found no entries in the dump");
        }
        return toc;
    }

    /** pg_dump's arguments, connecting directly. */
    static List<String> command(Path pgDump, PostgresTarget t, Path partial, String snapshot) {
        return command(pgDump, t, null, partial, snapshot);
    }

    /**
     * pg_dump's arguments: connection details but never the password. Through a tunnel the
     * port is the tunnel's and {@code PGHOSTADDR} (see {@link #environment}) its address, while
     * {@code --host} keeps the real name, which libpq then uses only to check the certificate.
     */
    static List<String> command(Path pgDump, PostgresTarget t, TunnelEndpoint tunnel, Path partial, String snapshot) {
        List<String> cmd = new ArrayList<>();
        cmd.add(pgDump.toString());
        cmd.add("--format=custom");
        cmd.add("--file=" + partial);
        cmd.add("--host=" + t.host());
        cmd.add("--port=" + (tunnel == null ? t.port() : tunnel.port()));
        cmd.add("--username=" + t.user());
        // Never wait for a password on a terminal nobody watches.
        cmd.add("--no-password");
        if (snapshot != null) {
            cmd.add("--snapshot=" + snapshot);
        }
        // A conninfo, so a database name with '=' or a URI prefix is read as a name.
        cmd.add("--dbname=dbname='" + t.database().replace("\\", "\\\\").replace("'", "\\'") + "'");
        return cmd;
    }

    /** The child's environment: the password here only, and libpq's sslmode for the target's. */
    static void environment(Map<String, String> env, PostgresTarget t, char[] password) {
        environment(env, t, null, password);
    }

    static void environment(Map<String, String> env, PostgresTarget t, TunnelEndpoint tunnel, char[] password) {
        // Nothing inherited may point pg_dump elsewhere or at another password.
        for (String name : List.of("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGHOST", "PGHOSTADDR", "PGPORT",
                "PGDATABASE", "PGUSER", "PGSSLMODE", "PGOPTIONS")) {
            env.remove(name);
        }
        if (password != null) {
            env.put("PGPASSWORD", new String(password));
        }
        env.put("PGSSLMODE", libpqSslMode(t.sslmode()));
        if (tunnel != null) {
            env.put("PGHOSTADDR", tunnel.host());
        }
        env.put("PGAPPNAME", "DB Medic (backup)");
        env.put("PGCONNECT_TIMEOUT", "30");
    }

    /** Immich's {@code sslmode} forms (immich.md §9) as libpq knows them. */
    static String libpqSslMode(String mode) {
        return switch (mode == null ? "" : mode) {
            case "disable", "allow", "prefer", "require", "verify-ca", "verify-full" -> mode;
            case "no-verify" -> "require";
            default -> "prefer";
        };
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Left as .partial: it never looks complete.
        }
    }
}
