package dbmedic.core.postgres.backup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code pg_dump}/{@code pg_restore} on this computer whose major version is at least the
 * server's (an older pg_dump refuses a newer server): PATH, then the usual install folders of
 * Debian/Ubuntu, RHEL (PGDG), Homebrew, Postgres.app and the Windows installer. Each
 * candidate's version is read by running it with {@code --version}.
 */
public final class PgDumpLocator {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final List<Path> searchDirs;
    private List<PgTools> found;

    /** Searches PATH and the usual install folders of this operating system. */
    public PgDumpLocator() {
        this(null);
    }

    /** Searches only the given folders, in order (tests). */
    public PgDumpLocator(List<Path> searchDirs) {
        this.searchDirs = searchDirs == null ? null : List.copyOf(searchDirs);
    }

    /** The newest tools whose major is at least {@code serverMajor}. */
    public Optional<PgTools> find(int serverMajor) {
        return all().stream().filter(t -> t.major() >= serverMajor).findFirst();
    }

    /** Every pg_dump/pg_restore pair found, newest first (the first found wins among equal majors). */
    public synchronized List<PgTools> all() {
        if (found == null) {
            List<PgTools> tools = new ArrayList<>();
            Set<Path> seen = new LinkedHashSet<>();
            for (Path dir : searchDirs == null ? defaultDirs() : searchDirs) {
                Path dump = dir.resolve(exe("pg_dump"));
                Path restore = dir.resolve(exe("pg_restore"));
                if (!Files.isRegularFile(dump) || !Files.isExecutable(dump) || !Files.isRegularFile(restore)) {
                    continue;
                }
                Path real = realPath(dump);
                if (!seen.add(real)) {
                    continue;
                }
                versionOf(dump).ifPresent(v -> tools.add(new PgTools(dump, restore, v.major(), v.text())));
            }
            tools.sort(Comparator.comparingInt(PgTools::major).reversed());
            found = List.copyOf(tools);
        }
        return found;
    }

    /** The major the newest pg_dump found has, for a plain note when it is too old. */
    public Optional<Integer> newestMajor() {
        return all().stream().map(PgTools::major).findFirst();
    }

    record Version(int major, String text) {
    }

    /** Runs {@code <program> --version}; empty when it does not run or prints no PostgreSQL version. */
    static Optional<Version> versionOf(Path program) {
        try {
            Process p = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parseVersion(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code pg_dump (PostgreSQL) 15.10 (Debian 15.10-0+deb12u1)} → 15; also {@code 9.6.24} → 9. */
    static Optional<Version> parseVersion(String output) {
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        String line = output.lines().filter(l -> l.contains("(PostgreSQL)")).findFirst().orElse(output).strip();
        return Optional.of(new Version(Integer.parseInt(m.group(1)), line));
    }

    private static List<Path> defaultDirs() {
        Map<String, Path> dirs = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String part : path.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    add(dirs, Path.of(part.strip()));
                }
            }
        }
        if (WINDOWS) {
            for (String env : List.of("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")) {
                String pf = System.getenv(env);
                if (pf != null) {
                    versioned(dirs, Path.of(pf, "PostgreSQL"), d -> d.resolve("bin"));
                }
            }
            versioned(dirs, Path.of("C:\\Program Files\\PostgreSQL"), d -> d.resolve("bin"));
        } else {
            versioned(dirs, Path.of("/usr/lib/postgresql"), d -> d.resolve("bin"));
            versionedByPrefix(dirs, Path.of("/usr"), "pgsql-", d -> d.resolve("bin"));
            for (String prefix : List.of("/opt/homebrew/opt", "/usr/local/opt")) {
                versionedByPrefix(dirs, Path.of(prefix), "postgresql@", d -> d.resolve("bin"));
                add(dirs, Path.of(prefix, "postgresql", "bin"));
                add(dirs, Path.of(prefix, "libpq", "bin"));
            }
            versioned(dirs, Path.of("/Applications/Postgres.app/Contents/Versions"), d -> d.resolve("bin"));
        }
        return List.copyOf(dirs.values());
    }

    private static void versioned(Map<String, Path> dirs, Path parent, java.util.function.UnaryOperator<Path> bin) {
        versionedByPrefix(dirs, parent, "", bin);
    }

    /** Adds {@code <parent>/<prefix>N/bin} for every such folder; their order does not matter (sorted by major later). */
    private static void versionedByPrefix(Map<String, Path> dirs, Path parent, String prefix,
            java.util.function.UnaryOperator<Path> bin) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path child : children) {
                add(dirs, bin.apply(child));
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable folder just holds no candidate.
        }
    }

    private static void add(Map<String, Path> dirs, Path dir) {
        dirs.putIfAbsent(dir.toAbsolutePath().normalize().toString(), dir);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static String exe(String name) {
        return WINDOWS ? name + ".exe" : name;
    }
}
