package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a copied data directory would start with, read offline: PG_VERSION,
 * postgresql.conf (with includes) then postgresql.auto.conf (ALTER SYSTEM; overrides), then
 * the last start's command line from postmaster.opts (overrides both), and whether
 * standby.signal / recovery.signal are present.
 */
public final class DataDirectoryConfig {

    private final String dataDir;
    private final Optional<PgVersionFile> version;
    private final Optional<PostmasterOpts> opts;
    private final String configFile;
    private final List<ConfEntry> fileEntries;
    private final List<ConfProblem> problems;
    private final List<String> filesRead;
    private final Map<String, Setting> settings;
    private final boolean standbySignal;
    private final boolean recoverySignal;

    private DataDirectoryConfig(String dataDir, Optional<PgVersionFile> version, Optional<PostmasterOpts> opts,
                                String configFile, List<ConfEntry> fileEntries, List<ConfProblem> problems,
                                List<String> filesRead, Map<String, Setting> settings,
                                boolean standbySignal, boolean recoverySignal) {
        this.dataDir = dataDir;
        this.version = version;
        this.opts = opts;
        this.configFile = configFile;
        this.fileEntries = fileEntries;
        this.problems = problems;
        this.filesRead = filesRead;
        this.settings = settings;
        this.standbySignal = standbySignal;
        this.recoverySignal = recoverySignal;
    }

    /**
     * Reads with postgresql.conf found where the last start said ({@code -c config_file=}
     * in postmaster.opts) or else in the data directory.
     */
    public static DataDirectoryConfig read(ServerFiles files, String dataDir) throws IOException {
        return read(files, dataDir, null);
    }

    /**
     * @param configFile the server's postgresql.conf path when known (Debian clusters keep it
     *                   in /etc/postgresql/...); null to decide as {@link #read(ServerFiles, String)}
     */
    public static DataDirectoryConfig read(ServerFiles files, String dataDir, String configFile) throws IOException {
        String dd = ServerPaths.canonicalize(dataDir);
        Optional<PgVersionFile> version = PgVersionFile.read(files, dd);
        Optional<PostmasterOpts> opts = files.read(dd + "/postmaster.opts").map(PostmasterOpts::parse);
        List<ConfProblem> problems = new ArrayList<>();
        opts.ifPresent(o -> problems.addAll(o.problems()));

        String conf = configFile;
        if (conf == null && opts.isPresent()) {
            for (ConfEntry e : opts.get().settings()) {
                if (e.key().equals("config_file")) {
                    conf = e.value();
                }
            }
        }
        if (conf == null) {
            conf = dd + "/postgresql.conf";
        } else if (!ServerPaths.isAbsolute(conf)) {
            conf = dd + "/" + conf;
        }
        conf = ServerPaths.canonicalize(conf);

        ConfFileReader reader = new ConfFileReader(files);
        reader.readTopLevel(conf, true);
        reader.readTopLevel(dd + "/postgresql.auto.conf", false);
        problems.addAll(reader.problems());

        List<ConfEntry> all = new ArrayList<>(reader.entries());
        opts.ifPresent(o -> all.addAll(o.settings()));
        Map<String, List<ConfEntry>> byName = new LinkedHashMap<>();
        for (ConfEntry e : all) {
            byName.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        byName.forEach((k, list) -> settings.put(k,
                new Setting(k, list.get(list.size() - 1), List.copyOf(list.subList(0, list.size() - 1)))));

        return new DataDirectoryConfig(dd, version, opts, conf, reader.entries(), List.copyOf(problems),
                reader.filesRead(), settings,
                files.read(dd + "/standby.signal").isPresent(), files.read(dd + "/recovery.signal").isPresent());
    }

    public String dataDirectory() {
        return dataDir;
    }

    /** PG_VERSION, when present and well-formed. */
    public Optional<PgVersionFile> pgVersion() {
        return version;
    }

    public Optional<PostmasterOpts> postmasterOpts() {
        return opts;
    }

    /** The postgresql.conf path that was (or would have been) read. */
    public String configFile() {
        return configFile;
    }

    /** Every file item in reading order (like pg_file_settings), command line excluded. */
    public List<ConfEntry> fileEntries() {
        return fileEntries;
    }

    public List<String> filesRead() {
        return filesRead;
    }

    public List<ConfProblem> problems() {
        return problems;
    }

    /**
     * False when PostgreSQL would refuse to start with these files ({@code FATAL:
     * configuration file "..." contains errors}) or with this command line.
     */
    public boolean startable() {
        return problems.stream().noneMatch(ConfProblem::fatal);
    }

    /** Effective settings by lower-case name, in first-seen order. */
    public Map<String, Setting> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }

    public Optional<Setting> setting(String name) {
        return Optional.ofNullable(settings.get(ConfEntry.normalizeName(name)));
    }

    public Optional<String> value(String name) {
        return setting(name).map(Setting::value);
    }

    /** shared_preload_libraries split like the server; empty list when unset. */
    public LibraryList sharedPreloadLibraries() {
        return LibraryList.parse(value("shared_preload_libraries").orElse(""));
    }

    /** standby.signal present: the server starts as a (read-only) standby. */
    public boolean standbySignal() {
        return standbySignal;
    }

    /** recovery.signal present: the server starts in targeted recovery. */
    public boolean recoverySignal() {
        return recoverySignal;
    }
}
